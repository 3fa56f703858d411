"""The C module `_pdfchars` reads every character of a page in one call: what it gives is what
pdfium's own functions say of each character, asked one at a time through ctypes."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pdfgen
import pypdfium2 as pdfium
import pytest
from pypdfium2 import raw

from pipeline.readers import pdf as pdf_reader
from pipeline.readers._pdfchars import CELL_BULLETS, CELL_GAP, CHAR_FIELDS, page_paths, read_chars

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def asked_one_by_one(textpage, index: int) -> tuple[list[float], bool]:
    """Box, type size and bold, and whether pdfium made the character up, by ctypes."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if not raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top):
        left.value = right.value = bottom.value = top.value = 0.0
    size = raw.FPDFText_GetFontSize(textpage, index)
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    length = raw.FPDFText_GetFontInfo(textpage, index, name, len(name), flags)
    obj = raw.FPDFText_GetTextObject(textpage, index)
    bold = (
        raw.FPDFText_GetFontWeight(textpage, index) >= 600
        or (0 < length <= len(name) and b"Bold" in name.raw[: length - 1])
        or (
            bool(obj)
            and raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_FILL_STROKE
        )
    )
    record = [left.value, right.value, bottom.value, top.value, size, float(bold)]
    return record, raw.FPDFText_IsGenerated(textpage, index) == 1


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[Path]:
    """Test fixtures rendered by the reportlab generator: bold headings, ruled tables whose
    cells pdfium bridges with spaces of its own, Chinese type."""
    folder = tmp_path_factory.mktemp("chars")
    paths = []
    for source, lang in (("en/appendix.txt", "en"), ("bilingual/plan-zh.txt", "zh")):
        path = folder / f"{Path(source).stem}.pdf"
        pdfgen.render_file(FIXTURES / source, path, lang, Path(source).stem)
        paths.append(path)
    return paths


def test_every_character_as_pdfium_says_it(rendered):
    seen_bold = seen_generated = 0
    for path in rendered:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            textpage = page.get_textpage()
            count = raw.FPDFText_CountChars(textpage.raw)
            address = ctypes.cast(textpage.raw, ctypes.c_void_p).value
            records, generated = read_chars(address, count, pdf_reader._CHAR_FUNCTIONS)
            values = memoryview(records).cast("d")
            assert len(values) == count * CHAR_FIELDS and len(generated) == count
            for index in range(count):
                expected, made_up = asked_one_by_one(textpage.raw, index)
                at = index * CHAR_FIELDS
                assert list(values[at : at + CHAR_FIELDS]) == expected, (path.name, index)
                assert generated[index] == made_up, (path.name, index)
                seen_bold += expected[-1] == 1.0
                seen_generated += made_up
            textpage.close()
            page.close()
        pdf.close()
    # Both flags were met, so the comparison covered them.
    assert seen_bold > 0 and seen_generated > 0


def paths_one_by_one(page) -> list[float]:
    """The bounds of the page's path objects, each asked of pdfium through ctypes."""
    bounds: list[float] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH:
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            bounds += [left.value, bottom.value, right.value, top.value]
    return bounds


def test_every_path_as_pdfium_says_it(rendered):
    """`page_paths`: the bounds of the objects rules are drawn with, in one call."""
    seen = 0
    for path in rendered:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            address = ctypes.cast(page.raw, ctypes.c_void_p).value
            bounds = memoryview(page_paths(address, pdf_reader._PATH_FUNCTIONS)).cast("d")
            assert list(bounds) == paths_one_by_one(page.raw)
            seen += len(bounds) // 4
            page.close()
        pdf.close()
    assert seen > 0  # the ruled tables' rules were among them


def test_a_bad_call_is_an_error_not_a_crash():
    with pytest.raises(ValueError, match="null text page"):
        read_chars(0, 1, pdf_reader._CHAR_FUNCTIONS)
    with pytest.raises(TypeError, match="7 addresses"):
        read_chars(1, 1, (1, 2))
    with pytest.raises(ValueError, match="null address"):
        read_chars(1, 1, (0,) * 7)
    with pytest.raises(ValueError, match="null page"):
        page_paths(0, pdf_reader._PATH_FUNCTIONS)
    with pytest.raises(TypeError, match="4 addresses"):
        page_paths(1, (1, 2))


def test_page_lines_cut_at_pdfiums_breaks(rendered):
    """`page_lines` cuts a page's text where `\\r\\n`, `\\r`, `\\n` or pdfium's line-end
    hyphen says, keeps every character that is not a blank, and measures each line's box
    from its first and last characters."""
    import re

    breaks = re.compile(f"\r\n|\r|\n|{pdf_reader.PDFIUM_LINE_END_HYPHEN}")
    for path in rendered:
        pdf = pdfium.PdfDocument(str(path))
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            probe = pdf_reader._Probe(textpage.raw, len(text))
            found = pdf_reader.page_lines(text, probe.records, probe.made_up, 0, "")
            expected = [
                piece
                for piece in re.split(f"(?<={pdf_reader.PDFIUM_LINE_END_HYPHEN})|\r\n|\r|\n", text)
                if piece.strip()
            ]
            assert [text[start:end] for start, end, *_ in found] == expected
            for start, end, first, last, x0, x1, *_ in found:
                assert text[first : last + 1] == text[start:end].strip()
                assert (x0, x1) == (probe.lefts[first], probe.rights[last])
            assert "".join(breaks.sub("", text).split()) == "".join(
                "".join(text[s:e] for s, e, *_ in found)
                .replace(pdf_reader.PDFIUM_LINE_END_HYPHEN, "")
                .split()
            )
            textpage.close()
            page.close()
        pdf.close()


def _gap(probe, before: int, after: int) -> float:
    """The blank between two characters, in multiples of the type size."""
    return (probe.lefts[after] - probe.rights[before]) / max(probe.sizes[before], 1.0)


def _cut_by_pieces(probe, text: str, number: int, height: float):
    """The page's lines as `_lines` made them before it had `cuts`: every line where pdfium
    made up a space inside goes through `_pieces` and `_line`."""
    lines = []
    found = pdf_reader.page_lines(text, probe.records, probe.made_up, 7, "")
    for start, end, *_, cuts in found:
        for first, last in pdf_reader._pieces(probe, text, start, end, cuts):
            lines.append(pdf_reader._line(probe, text, first, last, number, height))
    return pdf_reader._rejoin(lines)


def test_cells_parted_as_pieces_parts_them(rendered):
    """A line is cut into cells only at a space of pdfium's making before a bullet or wider
    than CELL_GAP type sizes (page_lines' `cuts`) after text that is not a paragraph's
    number: the lines come out as when every such line went through `_pieces`."""
    kept_whole = parted = 0
    for path in rendered:
        pdf = pdfium.PdfDocument(str(path))
        for number, page in enumerate(pdf, 1):
            _, height = page.get_size()
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            probe = pdf_reader._Probe(textpage.raw, len(text))
            found = pdf_reader.page_lines(text, probe.records, probe.made_up, 7, "")
            for start, end, *_, cuts in found:
                expected = [
                    at
                    for at in range(start + 1, end - 1)
                    if probe.generated(at)
                    and text[at] == " "
                    and (text[at + 1] in CELL_BULLETS or _gap(probe, at - 1, at + 1) > CELL_GAP)
                ]
                assert list(cuts) == (expected if end - start >= 3 else [])
                pieces = pdf_reader._pieces(probe, text, start, end, cuts)
                kept_whole += bool(cuts) and len(pieces) == 1
                parted += len(pieces) > 1
            lines = pdf_reader._lines(textpage.raw, text, number, height, [])
            assert lines == _cut_by_pieces(probe, text, number, height)
            textpage.close()
            page.close()
        pdf.close()
    assert kept_whole > 0 and parted > 0  # both ways were taken
