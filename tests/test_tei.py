"""TEI output: valid against TEI P5 tei_all, shaped as README.md ("TEI") says, byte-identical on re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from pipeline.corpus.runner import run_corpus
from pipeline.writers.schema import validate_tei
from pipeline.writers.tei import corpus_to_tei, document_to_tei

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tei(seeds):
    return {doc_id: document_to_tei(doc) for doc_id, doc in seeds.items()}


def test_every_document_valid(tei):
    for doc_id, data in tei.items():
        assert validate_tei(data) == [], doc_id


def test_corpus_file_valid(seeds):
    data = corpus_to_tei(list(seeds.values()))
    assert validate_tei(data) == []
    root = etree.fromstring(data)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    assert [t.get(XML_ID) for t in root.findall("t:TEI", NS)] == list(seeds)


def test_counts_in_tei_match_the_model(seeds, tei):
    for doc_id, doc in seeds.items():
        root = etree.fromstring(tei[doc_id])
        assert len(root.xpath("//t:div[@type='section']", namespaces=NS)) == len(doc.all_sections())
        assert len(root.xpath("//t:body//t:p[@n]", namespaces=NS)) == len(
            doc.paragraphs(numbered=True)
        )
        assert len(root.xpath("//t:div[@type='action']", namespaces=NS)) == len(doc.actions())
        assert len(root.xpath("//t:note[@place='foot']", namespaces=NS)) == len(doc.footnotes)
        assert len(root.xpath("//t:note[@type='document']", namespaces=NS)) == len(doc.doc_notes)


def test_header(tei, seeds):
    root = etree.fromstring(tei["srap-draft-zh"])
    assert root.get(XML_ID) == "srap-draft-zh"
    assert root.find("t:text", NS).get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"
    bibl = root.find(".//t:sourceDesc/t:bibl", NS)
    assert bibl.findtext("t:idno[@type='sha256']", namespaces=NS) == (
        seeds["srap-draft-zh"].source.sha256
    )
    assert bibl.findtext("t:idno[@type='path']", namespaces=NS) == (
        "corpus/000_6c6220c63a51d5e0.txt"
    )
    terms = {t.get("type"): t.text for t in root.iterfind(".//t:keywords/t:term", NS)}
    assert terms == {
        "convention": "APMBC",
        "kind": "action-plan",
        "family": "plan",
        "plan": "siem-reap-angkor",
        "follows": "oslo",
    }


def test_indicators_inside_their_action(tei):
    root = etree.fromstring(tei["lausanne-zh"])
    eleven = root.xpath("//t:div[@type='action'][@n='11']", namespaces=NS)[0]
    assert [i.get("n") for i in eleven.xpath("t:list[@type='subitems']/t:item", namespaces=NS)] == [
        "a",
        "b",
        "c",
        "d",
    ]
    indicators = eleven.xpath("t:list[@type='indicators']/t:item", namespaces=NS)
    assert [i.get(XML_ID) for i in indicators] == [f"lausanne-zh.a11.i{k}" for k in (1, 2, 3, 4)]
    restatements = eleven.xpath("t:ab[@type='restatement']", namespaces=NS)
    assert [r.get("corresp") for r in restatements] == [
        "#lausanne-zh.a11",
        "#lausanne-zh.a11.a",
        "#lausanne-zh.a11.b",
        "#lausanne-zh.a11.c",
        "#lausanne-zh.a11.d",
    ]
    # No indicator list outside an action.
    assert (
        root.xpath(
            "//t:list[@type='indicators'][not(parent::t:div[@type='action'])]", namespaces=NS
        )
        == []
    )


def test_footnote_at_point_of_reference(tei):
    root = etree.fromstring(tei["srap-draft-zh"])
    item = root.xpath("//t:item[@xml:id='srap-draft-zh.p6.i1']", namespaces=NS)[0]
    [sentence] = item.findall("t:s", NS)
    assert sentence.get(XML_ID) == "srap-draft-zh.p6.i1.s1"
    assert sentence.text == "强有力的国家自主权；"
    [note] = sentence.findall("t:note", NS)
    assert (note.get("place"), note.get("n")) == ("foot", "1")
    assert note.findtext("t:seg", namespaces=NS).startswith("缔约国对国家自主权的界定")
    action = root.xpath("//t:div[@type='action'][@n='1']", namespaces=NS)[0]
    assert "界定" not in "".join(action.itertext())


def test_stable_ids(tei):
    root = etree.fromstring(tei["srap-draft-zh"])
    ids = root.xpath("//@xml:id", namespaces=NS)
    assert len(ids) == len(set(ids))
    for expected in (
        "srap-draft-zh.s2",
        "srap-draft-zh.p5",
        "srap-draft-zh.a1.i2",
        "srap-draft-zh.fn1",
        "srap-draft-zh.a45",
    ):
        assert expected in ids


def test_extraction_is_deterministic(seeds, manifest):
    from pipeline.extract import extract_file

    entry = manifest["lausanne-zh"]
    again = extract_file(
        ROOT / "corpus" / entry.file, entry.id, entry.lang, f"corpus/{entry.file}", entry.metadata()
    )
    assert document_to_tei(again) == document_to_tei(seeds["lausanne-zh"])


def test_corpus_runs_are_byte_identical(tmp_path):
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    run_corpus(tmp_path, log=lambda line: None)
    first = {
        p.relative_to(tmp_path): p.read_bytes()
        for p in (tmp_path / "output").rglob("*")
        if p.is_file()
    }
    result = run_corpus(tmp_path, log=lambda line: None)
    second = {
        p.relative_to(tmp_path): p.read_bytes()
        for p in (tmp_path / "output").rglob("*")
        if p.is_file()
    }
    assert result.failed == []
    assert Path("output/tei/srap-draft-zh.xml") in first
    assert first == second


def test_appendix_in_back_and_the_group_label_with_its_rows(tei, seeds):
    """Lausanne's indicator table (附录) is the document's back matter; its group label
    (执行《公约》的最佳做法) names the rows it heads, which went to their actions."""
    root = etree.fromstring(tei["lausanne-zh"])
    assert root.xpath("//t:body//t:div[@type='appendix']", namespaces=NS) == []
    [appendix] = root.xpath("//t:back/t:div[@type='appendix']", namespaces=NS)
    assert appendix.findtext("t:head/t:s", namespaces=NS) == "附录"
    [label] = appendix.xpath(".//t:ab[@type='group']", namespaces=NS)
    assert label.findtext("t:s", namespaces=NS) == "执行《公约》的最佳做法"
    rows = label.get("corresp").split()
    restatements = [r.uid for a in seeds["lausanne-zh"].actions() for r in a.restatements]
    assert rows == [f"#lausanne-zh.{uid}" for uid in restatements] and len(rows) > 40
    ids = set(root.xpath("//@xml:id", namespaces=NS))
    assert all(row[1:] in ids for row in rows)
