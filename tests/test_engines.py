"""Every rendering of every seed and fixture (the English plans, and the draft resolution and the
plan written in both languages) reads as its text does, unit by unit and text by text: two engines, each in its looks (reportlab, tests/pdfgen.py; LibreOffice from
OpenDocument, tests/wpgen.py), against the text path's model, front matter included (with
the symbol and first-page block the engine prints). Spaces a PDF cannot tell (between Chinese
and Latin) are compared away; nothing else is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from agreement import as_printed, as_rendered, characters_lost_and_added, differences, units

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import engine_agreement  # the renderings are the measurement tool's

from pipeline.extract import extract_file

SOURCES = engine_agreement.sources()
ENGINES = engine_agreement.ENGINES


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    return engine_agreement.render_all(tmp_path_factory.mktemp("engines"))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("doc_id", "src", "lang"), SOURCES, ids=[s[0] for s in SOURCES])
def test_rendering_reads_as_its_text(pdfs, engine, doc_id, src, lang):
    want = units(as_rendered(extract_file(src, doc_id, lang)), as_printed)
    got = units(extract_file(pdfs[doc_id, engine], doc_id, lang), as_printed)
    lost, added = characters_lost_and_added(got, want)
    report = "\n".join(differences(got, want, width=400))
    assert (lost, added) == ("", ""), f"characters lost {lost!r}, added {added!r}\n{report}"
    assert got == want, report


@pytest.mark.parametrize("engine", ENGINES)
def test_the_first_page_block_reads_line_for_line(pdfs, engine):
    """A first-page line the page wraps (the fixtures' disclaimer) is one line again, and a
    barcode's asterisks are its text, no note's marker; lines the page sets one under the other
    (the distribution, date and languages; a title the text wraps) stay apart."""
    fronts = {
        doc_id: [line.text for line in extract_file(pdfs[doc_id, engine], doc_id, lang).meta.front]
        for doc_id, lang in (("draft-en", "en"), ("plan-zh", "zh"))
    }
    draft, plan = fronts["draft-en"], fronts["plan-zh"]
    disclaimer = "Test fixture written for planalign's tests, laid out as a draft resolution"
    assert [line for line in draft if line.startswith(disclaimer)] == [
        f"{disclaimer} converted from PDF; not a United Nations text."
    ]
    assert "*9966657*" in draft
    assert draft[1:5] == ["Distr.: General", "12 October 2099", "English", "Original: English"]
    assert draft[-2:] == ["Strengthening international cooperation in the prevention of", "crime"]
    assert "测试用例：本文件由" in plan[3] and plan[3].endswith("并非联合国文件。")
    assert plan[4] == "《行动计划》草案"


def test_rules_merge_as_pdfplumber_merges_them(pdfs):
    """The lattice's own edge merge gives pdfplumber's `merge_edges`, edge for edge and in
    its order, on the ruling lines of every page of every rendering (both engines rule
    tables in some of their looks)."""
    from pdfplumber import table

    from pipeline.readers.pdf import open_pdf, read_page
    from pipeline.readers.tables import JOIN, SNAP, merge_edges

    compared = dict.fromkeys(ENGINES, 0)  # pages with rules, by engine and look
    for (doc_id, engine), path in sorted(pdfs.items()):
        pdf = open_pdf(path, path.name)
        try:
            for index in range(len(pdf)):
                rules = read_page(pdf, index, path.name).rules
                if rules:
                    want = table.merge_edges(rules, SNAP, SNAP, JOIN, JOIN)
                    assert merge_edges(rules) == want, f"{doc_id} {engine} page {index + 1}"
                    compared[engine] += 1
        finally:
            pdf.close()
    by_engine = {
        name: sum(n for look, n in compared.items() if look.startswith(name))
        for name in ("reportlab", "libreoffice")
    }
    assert all(pages >= 10 for pages in by_engine.values()), compared


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("stem", ["draft", "plan"])
def test_the_two_languages_pdfs_align_as_their_texts_do(pdfs, engine, stem, lexicon):
    """A translator's case: the Chinese PDF against the English one, in each rendering, gives
    the links that the two texts give (tests/test_resolution.py and tests/test_align_units.py
    pin those), with certainties that differ only by what the spaces a PDF cannot tell
    (between Chinese and Latin) change."""
    from pipeline.align.units import align_documents

    by_id = {doc_id: (src, lang) for doc_id, src, lang in SOURCES}

    def links(read) -> list[tuple]:
        en, zh = (read(f"{stem}-{lang}", *by_id[f"{stem}-{lang}"]) for lang in ("en", "zh"))
        result = align_documents(en, zh, lexicon)
        unmatched.append([(u.side, u.uid) for u in result.unmatched])
        return [(k.kind, k.a, k.b, k.cert) for k in result.links]

    unmatched: list[list[tuple[str, str]]] = []
    from_texts = links(lambda doc_id, src, lang: extract_file(src, doc_id, lang))
    from_pdfs = links(lambda doc_id, src, lang: extract_file(pdfs[doc_id, engine], doc_id, lang))
    assert len(from_texts) > 10
    assert unmatched[1] == unmatched[0]
    assert [link[:3] for link in from_pdfs] == [link[:3] for link in from_texts]
    gaps = [abs(pdf[3] - text[3]) for pdf, text in zip(from_pdfs, from_texts, strict=True)]
    assert max(gaps) < 0.05, gaps


@pytest.mark.parametrize("engine", [e for e in ENGINES if e.startswith("libreoffice")])
def test_word_processor_pages_are_numbered_and_rows_break_across_them(pdfs, engine):
    """What the word processor's renderings hold in every look, read off the PDF itself: every
    page after the first numbered in its footer, the indicator table's header row on each page
    it runs over, and rows broken across pages (a page whose table opens, under the header,
    with the rest of a row: no action number in its first line)."""
    import re
    import subprocess

    from pipeline.readers.pdf import open_pdf, read_page
    from pipeline.readers.tables import in_reading_order

    path = pdfs["lausanne-zh", engine]
    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")[:-1]
    assert len(printed) > 5
    for number, page in enumerate(printed[1:], 2):
        assert re.search(rf"^GE\.00-00000 \(C\)\s+{number}$", page, re.MULTILINE), number
    pdf = open_pdf(path, path.name)
    opening = []  # the first line under the header row, on each page holding the table
    for index in range(len(pdf)):
        lines = in_reading_order(read_page(pdf, index, path.name).lines)
        header = [k for k, ln in enumerate(lines) if ln.text.startswith("行动项目")]
        if header and header[0] + 2 < len(lines):
            opening.append(lines[header[0] + 2].text)  # "行动项目", "指标", then the row
    pdf.close()
    assert len(opening) >= 4
    assert any(not re.match(r"\d+\.", text) for text in opening[1:]), opening
