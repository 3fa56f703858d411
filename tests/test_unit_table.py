"""output/units.tsv: every unit of every document, one row each (doc, xml:id, kind, n, parent,
lang, text), in document order, read back whole whatever its texts hold."""

from __future__ import annotations

import copy
import csv
import io
from collections import defaultdict
from pathlib import Path

from lxml import etree
from test_succession import chain_corpus

from pipeline import atomic
from pipeline.corpus.runner import run_corpus
from pipeline.extract import extract_file
from pipeline.writers.tei import document_to_tei
from pipeline.writers.unit_table import COLUMNS, units_to_tsv

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"
# The TEI element each kind of unit is written as (README, "TEI").
ELEMENT = {
    "action": ("div", "action"),
    "article": ("div", "article"),
    "paragraph": ("p", None),
    "group": ("ab", "group"),
    "restatement": ("ab", "restatement"),
    "subitem": ("item", None),
    "indicator": ("item", None),
    "item": ("item", None),
    "footnote": ("note", None),
    "document-note": ("note", "document"),
}


def read(data: bytes) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8")), delimiter="\t"))
    assert tuple(rows[0]) == COLUMNS
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]


def tei_units(doc) -> dict[str, etree._Element]:
    """The TEI's elements with an xml:id, but the document's and its sentences'."""
    root = etree.fromstring(document_to_tei(doc))
    return {
        el.get(XML_ID): el
        for el in root.iter(etree.Element)
        if el.get(XML_ID)
        and el.get(XML_ID).startswith(doc.id + ".")
        and etree.QName(el).localname not in ("s", "seg")
    }


def nearest_unit_above(el: etree._Element, ids: set[str]) -> str:
    for ancestor in el.iterancestors():
        if ancestor.get(XML_ID) in ids:
            return ancestor.get(XML_ID)
    return ""


def test_every_unit_of_the_tei_once_with_its_parent_and_kind(seeds):
    rows = read(units_to_tsv(list(seeds.values())))
    assert [r["doc"] for r in rows] == sorted(r["doc"] for r in rows)
    for doc in seeds.values():
        mine = [r for r in rows if r["doc"] == doc.id]
        elements = tei_units(doc)
        assert sorted(r["xml:id"] for r in mine) == sorted(elements), doc.id
        ids = set(elements)
        for row in mine:
            element = elements[row["xml:id"]]
            assert row["parent"] == nearest_unit_above(element, ids), row
            assert row["lang"] == doc.meta.language
            name, kind = ELEMENT.get(row["kind"], ("div", row["kind"]))
            assert (etree.QName(element).localname, element.get("type", kind)) == (name, kind), row
            assert row["n"] == (element.get("n") or ""), row


def test_texts_and_document_order(seeds):
    for doc in seeds.values():
        rows = read(units_to_tsv([doc]))
        texts: dict[str, list[str]] = defaultdict(list)
        for uid, text in doc.texts():
            texts[f"{doc.id}.{uid}"].append(text.text)
        order = list(dict.fromkeys(f"{doc.id}.{uid}" for uid, _ in doc.texts() if uid != "front"))
        assert [r["xml:id"] for r in rows] == order
        assert {r["xml:id"]: r["text"] for r in rows} == {k: "\n".join(texts[k]) for k in order}


def test_a_real_row(seeds):
    rows = {r["xml:id"]: r for r in read(units_to_tsv([seeds["srap-draft-zh"]]))}
    row = rows["srap-draft-zh.a7"]
    assert (row["kind"], row["n"], row["lang"]) == ("action", "7", "zh")
    assert row["text"].startswith("采用《报告指南》，在每年 4 月 30 日之前依照第 7 条")
    assert rows[row["parent"]]["kind"] == "section"


def test_tabs_newlines_and_quotes_read_back_whole(seeds):
    doc = copy.deepcopy(seeds["lausanne-zh"])
    action = doc.actions()[0]
    action.body.text = 'one\ttab, "quoted"'
    action.more = [type(action.body)("a second\r\nparagraph")]
    data = units_to_tsv([doc])
    rows = read(data)
    assert rows[[r["xml:id"] for r in rows].index(f"{doc.id}.{action.uid}")]["text"] == (
        'one\ttab, "quoted"\na second\r\nparagraph'
    )
    # quoted as pandas and R quote: the field in "", its quotes doubled
    assert b'\tzh\t"one\ttab, ""quoted""\na second\r\nparagraph"\n' in data
    assert data.count(b'"') == 6
    assert data.count(b"\n") == 1 + len(rows) + 2  # every other row on one line


def test_the_batch_writes_it_whole_and_the_same_each_time(tmp_path, monkeypatch):
    chain_corpus(tmp_path)
    written_whole: list[str] = []
    real_write = atomic.write_bytes

    def write_bytes(path, data, **kwargs):
        written_whole.append(Path(path).relative_to(tmp_path).as_posix())
        real_write(path, data, **kwargs)

    monkeypatch.setattr(atomic, "write_bytes", write_bytes)
    run_corpus(tmp_path, log=lambda line: None)
    assert "output/units.tsv" in written_whole
    written = (tmp_path / "output" / "units.tsv").read_bytes()
    docs = [extract_file(tmp_path / "corpus" / f"plan-{n}.txt", f"fx-{n}", "en") for n in "abc"]
    assert [r["xml:id"] for r in read(written)] == [r["xml:id"] for r in read(units_to_tsv(docs))]
    assert sum(r["kind"] == "action" for r in read(written)) == 23
    run_corpus(tmp_path, log=lambda line: None, force=True)
    assert (tmp_path / "output" / "units.tsv").read_bytes() == written
