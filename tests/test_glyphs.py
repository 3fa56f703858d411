"""Characters that are not text — controls, unmapped glyphs, what XML forbids — left out of the
text with a warning naming the line or page; ligatures and soft hyphens read as the text they
stand for. The PDFs here are written byte by byte by the test (Helvetica, with a ToUnicode map
that gives chosen codes the characters under test), in English written for the tests. And a
reference raised by its baseline alone, in full size."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import pdf_file

from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.readers.glyphs import clean_characters, not_text_warning
from pipeline.writers.schema import validate_tei
from pipeline.writers.tei import document_to_tei


@pytest.mark.parametrize(
    ("raw", "text", "dropped"),
    [
        ("plain text, untouched", "plain text, untouched", ""),
        ("a\x01b\x1fc", "abc", "\x01\x1f"),
        ("the \ufb01nal e\ufb00ect", "the final effect", ""),
        ("imple\u00ad", "imple-", ""),
        ("imple\u00ad  ", "imple-  ", ""),
        ("co\u00adoperation", "cooperation", ""),
        ("line\vbreak", "line break", ""),
        ("symbol \ue012 glyph \ufffd", "symbol  glyph ", "\ue012\ufffd"),
        ("\ufeffBOM and \ufffe\uffff", "BOM and ", "\ufeff\ufffe\uffff"),
        ("tab\tstays", "tab\tstays", ""),
        ("中文\x07文本", "中文文本", "\x07"),
    ],
)
def test_clean_characters(raw, text, dropped):
    assert clean_characters(raw) == (text, dropped)


def test_one_warning_counts_each_character_and_names_where_it_came_first():
    warning = not_text_warning([(3, "\x01\ue012"), (7, "\x01")], "page")
    assert warning == (
        "3 character(s) that are not text left out (no Unicode meaning): "
        "U+0001 ×2 (first on page 3), U+E012 ×1 (first on page 3)"
    )


# Codes of the test font, each given a character by the ToUnicode map; ASCII maps to itself.
SPECIAL_CODES = {
    0x01: "0001",
    0x02: "FB01",
    0x03: "E012",
    0x04: "00AD",
    0x05: "001F",
    0x06: "FFFD",  # the replacement character: a glyph its maker could not map
}
# Code 0x10 has no entry: the glyph is drawn, but the font says nothing of its character.


def _page_content(lines: list[bytes]) -> bytes:
    """Lines 14 points apart; an empty one leaves a gap. Text between braces is raised by
    4 points in the same type, as a word processor may set a note's reference."""
    return b" ".join(
        b"BT /F1 11 Tf 72 %d Td (%s) Tj ET"
        % (700 - 14 * i, line.replace(b"{", b") Tj 4 Ts (").replace(b"}", b") Tj 0 Ts ("))
        for i, line in enumerate(lines)
        if line
    )


def _to_unicode() -> bytes:
    pairs = {code: f"{code:04X}" for code in range(0x20, 0x7F) if chr(code) not in "()\\"}
    pairs.update(SPECIAL_CODES)
    entries = "\n".join(f"<{code:02X}> <{uni}>" for code, uni in sorted(pairs.items()))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(pairs)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def write_pdf(path: Path, pages: list[list[bytes]]) -> Path:
    """A PDF of one Helvetica text line per entry, a page per list (Chinese: not needed)."""
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    font, cmap = 3 + 2 * count, 4 + 2 * count
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    for i, lines in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(_stream(_page_content(lines)))
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
        f"/ToUnicode {cmap} 0 R >>".encode()
    )
    objects.append(_stream(_to_unicode()))
    path.write_bytes(pdf_file(objects))
    return path


@pytest.fixture
def odd_pdf(tmp_path) -> Path:
    return write_pdf(
        tmp_path / "odd-glyphs.pdf",
        [
            [
                b"I. Written for the tests",
                b"",
                b"1. The work of the Conference on \x01imple\x04",
                b"mentation of the \x02nal plan goes on.",
            ],
            [b"2. A symbol \x03 and a unit separator \x05 are no text."],
        ],
    )


def test_a_pdf_with_characters_that_are_not_text_extracts(odd_pdf):
    doc = extract_file(odd_pdf, "odd-glyphs", "en")
    texts = [p.body.text for p in doc.paragraphs()]
    assert texts == [
        "The work of the Conference on implementation of the final plan goes on.",
        "A symbol and a unit separator are no text.",
    ]
    assert (
        "3 character(s) that are not text left out (no Unicode meaning): "
        "U+0001 ×1 (first on page 1), U+E012 ×1 (first on page 2), "
        "U+001F ×1 (first on page 2)"
    ) in doc.warnings
    assert validate_tei(document_to_tei(doc)) == []


def test_a_soft_hyphen_inside_a_line_and_glyphs_that_map_to_nothing(tmp_path):
    """A soft hyphen inside a line is no character; a glyph mapped to U+FFFD and one the
    font gives no character at all are left out and reported with their page."""
    pages = [
        [b"I. Written for the tests", b"", b"1. Co\x04operation in one line goes on."],
        [b"2. A glyph \x06 mapped to nothing and one \x10 unmapped."],
    ]
    doc = extract_file(write_pdf(tmp_path / "unmapped.pdf", pages), "unmapped", "en")
    assert [p.body.text for p in doc.paragraphs()] == [
        "Cooperation in one line goes on.",
        "A glyph mapped to nothing and one unmapped.",
    ]
    assert (
        "2 character(s) that are not text left out (no Unicode meaning): "
        "U+FFFD ×1 (first on page 2), U+0010 ×1 (first on page 2)"
    ) in doc.warnings


def test_the_command_reports_them_and_succeeds(odd_pdf, tmp_path, capsys):
    out = tmp_path / "odd.xml"
    assert main(["extract", str(odd_pdf), "--lang", "en", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "odd-glyphs.pdf: 3 character(s) that are not text left out" in err
    assert "internal error" not in err
    tei = out.read_text(encoding="utf-8")
    assert "implementation of the final plan" in tei
    assert not any(ch in tei for ch in "\x01\x1f\ue012\u00ad")


def test_a_text_file_with_controls_and_escaped_controls(tmp_path):
    source = tmp_path / "controls.txt"
    source.write_bytes(
        "I. Written for the tests\n"
        "1. A paragraph with a bell \x07 in it.\n"
        "2. An escaped glyph &#xE012; and a ligature \ufb01t.\n".encode()
    )
    doc = extract_file(source, "controls", "en")
    assert [p.body.text for p in doc.paragraphs()] == [
        "A paragraph with a bell in it.",
        "An escaped glyph and a ligature fit.",
    ]
    assert (
        "2 character(s) that are not text left out (no Unicode meaning): "
        "U+0007 ×1 (first on line 2), U+E012 ×1 (first on line 3)"
    ) in doc.warnings
    assert validate_tei(document_to_tei(doc)) == []


def test_a_hyphen_pdfium_marks_at_a_line_end_joins_as_in_the_text(tmp_path):
    lines = [
        b"I. Written for the tests",
        b"",
        b"1. The work on imple-",
        b"mentation of the plan, agreed in 2001-",
        b"2010, goes on.",
    ]
    pdf = extract_file(write_pdf(tmp_path / "hyphens.pdf", [lines]), "hyphens", "en")
    text_file = tmp_path / "hyphens.txt"
    text_file.write_bytes(b"\n".join(lines) + b"\n")
    text = extract_file(text_file, "hyphens", "en")
    assert [p.body.text for p in pdf.paragraphs()] == [p.body.text for p in text.paragraphs()]
    assert [p.body.text for p in pdf.paragraphs()] == [
        "The work on implementation of the plan, agreed in 2001-2010, goes on."
    ]
    assert not any("not text" in warning for warning in pdf.warnings)


def test_a_reference_raised_in_full_size_is_a_reference(tmp_path):
    lines = [
        b"I. Written for the tests",
        b"",
        b"1. The plan of 2019 was adopted by consensus.{1} It covers the years",
        b"2020-2024 and every State Party.",
        b"",
        b"2. Nothing is raised in 2025.",
    ]
    first, second = extract_file(
        write_pdf(tmp_path / "raised.pdf", [lines]), "raised", "en"
    ).paragraphs()
    assert first.body.text == (
        "The plan of 2019 was adopted by consensus. It covers the years 2020-2024 and every "
        "State Party."
    )
    assert [(r.n, r.offset) for r in first.body.refs] == [("1", first.body.text.index(" It"))]
    assert second.body.text == "Nothing is raised in 2025." and not second.body.refs
