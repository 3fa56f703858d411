"""The UN Charter typeset by both test engines (tests/pdfgen.py: reportlab; tests/wpgen.py:
LibreOffice from OpenDocument), in Chinese and English, in every look: each PDF reads as its
converted text does, unit by unit, and the two PDFs align as the two texts do (the figures
of tests/test_charter.py)."""

from __future__ import annotations

from collections.abc import Callable

import pdfgen
import pytest
import wpgen
from agreement import as_printed, as_rendered, differences
from test_charter import EN, MANIFEST, ZH, paragraph_pairs

from pipeline.extract import extract_file
from pipeline.model import Document, Text

SOURCES = {"zh": ZH, "en": EN}


@pytest.fixture(scope="module")
def texts() -> dict[str, Document]:
    if not (ZH.is_file() and EN.is_file()):
        pytest.fail(f"the Charter is missing: expected {ZH} and {EN} (../shared/real/charter)")
    return {
        lang: extract_file(src, f"charter-{lang}", lang, f"charter.{lang}.txt", MANIFEST)
        for lang, src in SOURCES.items()
    }


@pytest.fixture(scope="module")
def pdfs(texts, tmp_path_factory) -> dict[tuple[str, str], Document]:
    """Both versions from both engines in every look (LibreOffice's in one run), read back."""
    folder = tmp_path_factory.mktemp("charter-pdf")
    keys, files, fodts = [], [], []
    for lang, doc in texts.items():
        letter = "C" if lang == "zh" else "E"
        marks = {
            "symbol": f"PLANALIGN/TEST/charter-{lang}",
            "job_number": f"GE.00-00000 ({letter})",
        }
        for name, look in pdfgen.LOOKS.items():
            pdf = folder / f"charter-{lang}.reportlab-{name}.pdf"
            pdfgen.render(doc, pdf, look=look, **marks)
            keys.append((lang, f"reportlab-{name}"))
            files.append(pdf)
        for name, wp_look in wpgen.LOOKS.items():
            out = folder / f"charter-{lang}.libreoffice-{name}.fodt"
            fodts.append(wpgen.write_fodt(doc, out, look=wp_look, **marks))
            keys.append((lang, f"libreoffice-{name}"))
    files += wpgen.convert(fodts, folder)
    order = [k for k in keys if k[1].startswith("reportlab")]
    order += [k for k in keys if k[1].startswith("libreoffice")]
    return {
        key: extract_file(pdf, f"charter-{key[0]}", key[0], pdf.name, MANIFEST)
        for key, pdf in zip(order, files, strict=True)
    }


def treaty_units(doc: Document, text: Callable[[Text], tuple] = as_printed) -> list[tuple]:
    """A treaty unit by unit: its first-page lines and printed title, its chapters and
    sub-headings, articles, their paragraphs and sub-paragraphs (numbers and texts), its
    notes."""
    out: list[tuple] = [("front", "", text(line)) for line in doc.meta.front]
    out.append(("title", "", text(Text(doc.meta.printed_title))))
    for section in doc.all_sections(("preamble", "chapter", "subsection")):
        out.append(("section", section.uid, section.kind, section.n, text(section.head)))
    for block in doc.blocks():
        paragraphs = getattr(block, "paragraphs", [block])
        if hasattr(block, "paragraphs"):
            out.append(("article", block.uid, block.n, text(block.head)))
        for paragraph in paragraphs:
            out.append(("paragraph", paragraph.uid, paragraph.n, text(paragraph.body)))
            out += [("item", i.uid, i.n, text(i.body)) for i in paragraph.items]
    out += [("note", n.uid, n.n, text(n.body), n.referenced_by) for n in doc.notes()]
    return out


ENGINES = [f"reportlab-{name}" for name in pdfgen.LOOKS]
ENGINES += [f"libreoffice-{name}" for name in wpgen.LOOKS]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_reads_as_the_text_unit_by_unit(texts, pdfs, lang, engine):
    got, want = treaty_units(pdfs[lang, engine]), treaty_units(as_rendered(texts[lang]))
    assert differences(got, want) == []
    assert [unit[1] for unit in got] == [unit[1] for unit in want]  # the ids too
    assert pdfs[lang, engine].meta.family == "treaty"


@pytest.fixture(scope="module")
def pdf_translation(pdfs, lexicon):
    from pipeline.align.translation import align_translation

    return align_translation(
        pdfs["en", "libreoffice-plain"], pdfs["zh", "libreoffice-plain"], lexicon
    )


def test_pdfs_align_as_the_texts_do(pdfs, pdf_translation):
    """tests/test_charter.py's figures: every chapter and article linked, nothing unmatched,
    the paragraph-level units of articles 1 to 110 linked (217 pairs, 98 % at least)."""
    alignment = pdf_translation.alignment
    links = {(tuple(k.a), tuple(k.b)) for k in alignment.links}
    assert all(((f"ch{n}",), (f"ch{n}",)) in links for n in range(1, 20))
    assert all(((f"art{n}",), (f"art{n}",)) in links for n in range(1, 112))
    assert [(u.side, u.uid) for u in alignment.unmatched] == []
    pairs = paragraph_pairs(pdfs["en", "libreoffice-plain"], pdfs["zh", "libreoffice-plain"])
    linked = [pair for pair in pairs if ((pair[0],), (pair[1],)) in links]
    assert len(pairs) == 217
    assert len(linked) / len(pairs) >= 0.98


@pytest.fixture(scope="module")
def text_links(texts, lexicon) -> list[tuple]:
    from pipeline.align.translation import align_translation

    return _links(align_translation(texts["en"], texts["zh"], lexicon).alignment)


def _links(alignment) -> list[tuple]:
    """Each link as the ids it joins and its kind, and each unit left unmatched."""
    links = [(tuple(k.a), tuple(k.b), k.kind) for k in alignment.links]
    return links + [(u.side, u.uid, u.kind) for u in alignment.unmatched]


@pytest.mark.parametrize("engine", ENGINES)
def test_each_engines_two_pdfs_align_link_by_link_as_the_texts_do(
    pdfs, lexicon, text_links, engine
):
    from pipeline.align.translation import align_translation

    alignment = align_translation(pdfs["en", engine], pdfs["zh", engine], lexicon).alignment
    got = _links(alignment)
    assert len(got) > 370 and not alignment.unmatched
    assert got == text_links
