"""The UN Charter, official Chinese and English texts, read where they are
(../shared/real/charter, never copied into the repository): a treaty's structure unit by unit,
the English numbers conversion lost restored, every character in the TEI of its unit, the two
versions aligned, the links resolving, a translation memory of every linked paragraph."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx

from pipeline.corpus.runner import run_corpus
from pipeline.extract import extract_file
from pipeline.model import Article, Document
from pipeline.writers.schema import validate_tei
from pipeline.writers.tei import document_to_tei
from pipeline.writers.tmx import segments_to_tmx

ROOT = Path(__file__).resolve().parent.parent
CHARTER = ROOT.parent / "shared" / "real" / "charter"
ZH, EN = CHARTER / "un-charter.zh.txt", CHARTER / "un-charter.en.txt"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEI = "{http://www.tei-c.org/ns/1.0}"
MANIFEST = {"kind": "treaty", "convention": "UN", "title": "Charter of the United Nations"}
SUBHEADINGS = {
    "zh": ["组织", "职权", "投票", "程序"],
    "en": ["COMPOSITION", "FUNCTIONS AND POWERS", "VOTING", "PROCEDURE"],
}
# Label of a Chinese paragraph or sub-paragraph, and the ideographic indent before it.
LABEL = re.compile(
    r"^[\u3000 ]*(?:[一二三四五六七八九十]+、|[(（][子丑寅卯辰巳午未申酉戌亥][)）]\s*)?"
)


@pytest.fixture(scope="module")
def charter() -> dict[str, Document]:
    if not (ZH.is_file() and EN.is_file()):
        pytest.fail(f"the Charter is missing: expected {ZH} and {EN} (../shared/real/charter)")
    return {
        "zh": extract_file(ZH, "charter-zh", "zh", "charter.zh.txt", MANIFEST),
        "en": extract_file(EN, "charter-en", "en", "charter.en.txt", MANIFEST),
    }


@pytest.fixture(scope="module")
def translation(charter, lexicon):
    from pipeline.align.translation import align_translation

    return align_translation(charter["en"], charter["zh"], lexicon)


def shape(article: Article) -> list[tuple[str | None, list[str | None]]]:
    return [(p.n, [i.n for i in p.items]) for p in article.paragraphs]


# Structure -------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chapters_articles_and_subheadings(charter, lang):
    doc = charter[lang]
    assert doc.meta.family == "treaty" and doc.warnings == []
    chapters = doc.all_sections(("chapter",))
    assert [c.n for c in chapters] == [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV", "XVI", "XVII", "XVIII", "XIX",
    ]  # fmt: skip
    first = {"zh": "第一章：宗旨及原则", "en": "Chapter I: Purposes and Principles"}[lang]
    assert chapters[0].head.text == first
    assert [a.n for a in doc.articles()] == [str(n) for n in range(1, 112)]
    assert doc.articles()[110].head.text == {"zh": "第一百一十一条", "en": "Article 111"}[lang]
    with_subheadings = [c.n for c in chapters if c.subsections]
    assert with_subheadings == ["IV", "V", "X", "XIII"]
    for chapter in chapters:
        if chapter.subsections:
            assert [s.head.text for s in chapter.subsections] == SUBHEADINGS[lang]
    voting = chapters[3].subsections[2]
    assert [a.n for a in voting.blocks] == ["18", "19"]


def test_preamble_of_both_versions(charter):
    zh, en = (charter[lang].sections[0] for lang in ("zh", "en"))
    assert (zh.kind, en.kind) == ("preamble", "preamble")
    assert len(zh.blocks) == len(en.blocks) == 12
    assert zh.blocks[0].body.text == "我联合国人民同兹决心"
    assert en.blocks[0].body.text == "WE THE PEOPLES OF THE UNITED NATIONS DETERMINED"
    assert en.blocks[1].body.text.startswith("to save succeeding generations")
    assert en.blocks[1].body.text.endswith("untold sorrow to mankind, and")


def test_paragraphs_agree_but_in_article_111(charter):
    zh, en = charter["zh"].articles(), charter["en"].articles()
    differ = [a.n for a, b in zip(zh, en, strict=True) if shape(a) != shape(b)]
    assert differ == ["111"]
    assert shape(zh[110]) == [(None, []), (None, []), (None, [])]
    assert shape(en[110]) == [("1", []), ("2", [])]  # restored: two paragraphs, so numbered


def test_english_numbers_and_letters_restored_from_order(charter):
    en = {a.n: a for a in charter["en"].articles()}
    zh = {a.n: a for a in charter["zh"].articles()}
    assert shape(en["1"]) == [(None, []), ("1", []), ("2", []), ("3", []), ("4", [])]
    assert en["1"].paragraphs[0].body.text == "The Purposes of the United Nations are:"
    assert shape(en["13"]) == [("1", ["a", "b"]), ("2", [])]
    assert shape(en["55"]) == [(None, ["a", "b", "c"])]  # one paragraph: not numbered
    assert en["13"].paragraphs[0].items[1].body.text.startswith("promoting international")
    restored = [p for a in en.values() for p in a.paragraphs if p.n]
    assert restored and all(p.restored for p in restored)
    assert all(i.restored for a in en.values() for p in a.paragraphs for i in p.items)
    # The Chinese prints its numbers: none is restored, and 二 is 2, (丑) is b.
    assert shape(zh["2"])[2] == ("2", []) and shape(zh["13"])[0] == ("1", ["a", "b"])
    assert not any(p.restored for a in zh.values() for p in a.paragraphs)


# TEI -------------------------------------------------------------------------------------
def own_text(element) -> str:
    """The element's own text: its sentences, not the lists and notes of other units."""
    parts = [element.text or ""]
    for child in element:
        if child.tag in (f"{TEI}s", f"{TEI}seg"):
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def units_by_line(doc: Document) -> dict[int, str]:
    """Source line → the uid of the unit that line became."""
    out: dict[int, str] = {}
    for section in doc.all_sections(("chapter", "subsection", "preamble")):
        if section.head.text:
            out[section.line] = section.uid
        for block in section.blocks:
            if isinstance(block, Article):
                out[block.line] = block.uid
                for paragraph in block.paragraphs:
                    out[paragraph.line] = paragraph.uid
                    out.update((item.line, item.uid) for item in paragraph.items)
            else:
                out[block.line] = block.uid
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_character_in_the_tei_text_of_its_unit(charter, lang):
    doc = charter[lang]
    data = document_to_tei(doc)
    assert validate_tei(data) == []
    root = etree.fromstring(data)
    elements = {el.get(XML_ID): el for el in root.iter() if el.get(XML_ID)}
    where = units_by_line(doc)
    source = (ZH if lang == "zh" else EN).read_text(encoding="utf-8").splitlines()
    lines = [(no, line) for no, line in enumerate(source, 1) if line.strip(" \u3000")]
    assert len(where) == len(lines)  # every line made a unit of its own
    for no, line in lines:
        element = elements[f"{doc.id}.{where[no]}"]
        if element.tag == f"{TEI}div":  # a chapter's, sub-heading's, article's: its head
            element = element.find("t:head", NS)
        assert own_text(element) == LABEL.sub("", line).strip(), f"line {no}"


def test_restored_numbers_marked_in_tei(charter):
    root = etree.fromstring(document_to_tei(charter["en"]))
    p = root.find(".//t:div[@type='article'][@n='13']/t:p[@n='1']", NS)
    assert p.get("ana") == "#restored"
    assert [(i.get("n"), i.get("ana")) for i in p.findall("t:list/t:item", NS)] == [
        ("a", "#restored"),
        ("b", "#restored"),
    ]
    category = root.find(".//t:category", NS)
    assert category.get(XML_ID) == "restored"


# Alignment -------------------------------------------------------------------------------
def test_chapters_and_articles_linked_to_their_counterparts(translation):
    links = {(tuple(k.a), tuple(k.b)): k for k in translation.alignment.links}
    for n in range(1, 20):
        assert ((f"ch{n}",), (f"ch{n}",)) in links
    for n in range(1, 112):
        assert ((f"art{n}",), (f"art{n}",)) in links, n
    assert [(u.side, u.uid) for u in translation.alignment.unmatched] == []


def paragraph_pairs(en: Document, zh: Document) -> list[tuple[str, str]]:
    """The paragraph-level units of articles 1–110 and their counterparts, by number."""
    articles_zh = {a.n: a for a in zh.articles()}
    pairs = []
    for article in en.articles()[:110]:
        for p_en, p_zh in zip(article.paragraphs, articles_zh[article.n].paragraphs, strict=True):
            pairs.append((p_en.uid, p_zh.uid))
            pairs += zip([i.uid for i in p_en.items], [i.uid for i in p_zh.items], strict=True)
    return pairs


def test_paragraphs_of_articles_1_to_110_linked_to_theirs(charter, translation):
    links = {(tuple(k.a), tuple(k.b)) for k in translation.alignment.links}
    pairs = paragraph_pairs(charter["en"], charter["zh"])
    linked = [pair for pair in pairs if ((pair[0],), (pair[1],)) in links]
    assert len(pairs) == 217
    assert len(linked) / len(pairs) >= 0.98


def test_article_111_reported_as_a_difference(translation):
    links = [k for k in translation.alignment.links if k.a[0].startswith("art111.")]
    assert [(k.a, k.b, k.notes) for k in links] == [
        (["art111.p1"], ["art111.u1"], ["numbered 1 and (none)"]),
        (["art111.p2"], ["art111.u2", "art111.u3"], ["1 unit(s) on one side, 2 on the other"]),
    ]


def test_tmx_holds_the_sentences_of_every_linked_paragraph(charter, translation):
    data = segments_to_tmx(translation.segments, "en", "zh", translation.source_lang)
    store = tmx.tmxfile(data, "en", "zh")
    english = " ".join(unit.source for unit in store.units)
    chinese = "".join(unit.target for unit in store.units)
    texts_en = {u: t.text for u, t in charter["en"].texts()}
    texts_zh = {u: t.text for u, t in charter["zh"].texts()}
    paragraphs = [k for k in translation.alignment.links if k.kind == "paragraph"]
    assert len(paragraphs) > 200
    for link in paragraphs:
        for uid in link.a:
            assert texts_en[uid] in english, uid
        for uid in link.b:
            assert texts_zh[uid] in chinese, uid


def test_links_resolve_from_the_link_files(charter, tmp_path, unresolved):
    """A corpus of the two versions (copied to a temporary folder, never into the
    repository): every target of every link file names an element of a TEI file."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ZH, corpus / "charter.zh.txt")
    shutil.copy(EN, corpus / "charter.en.txt")
    (corpus / "manifest.toml").write_text(
        "".join(
            f'[[document]]\nid = "charter-{lang}"\nfile = "charter.{lang}.txt"\n'
            f'lang = "{lang}"\nconvention = "UN"\nkind = "treaty"\n'
            f'title = "Charter of the United Nations"\nsymbol = "UN-CHARTER"\n\n'
            for lang in ("en", "zh")
        ),
        encoding="utf-8",
    )
    result = run_corpus(tmp_path, log=lambda line: None)
    assert result.failures == 0
    files = sorted((tmp_path / "alignments").glob("*.xml"))
    assert [f.name for f in files] == ["charter-en__charter-zh.xml"]
    assert unresolved(files) == []
    sentences = etree.parse(str(files[0])).xpath(
        "//t:linkGrp[@subtype='sentence']/t:link/@target", namespaces=NS
    )
    assert len(sentences) > 300 and all(".s" in t.split("#")[1] for t in sentences)
