"""The reader on PDFs from a word processor (tests/wpgen.py: LibreOffice from OpenDocument), the
way real UN PDFs are made: its footnotes. Whole documents are held against their texts unit by
unit in tests/test_engines.py."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import wpgen
from agreement import spaced_as_printed

from pipeline.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {
    "lausanne-zh": (ROOT / "corpus" / "001_591293dc92ae0fa4.txt", "zh"),
    "srap-draft-zh": (ROOT / "corpus" / "000_6c6220c63a51d5e0.txt", "zh"),
    "oslo": (ROOT / "tests" / "fixtures" / "en" / "oslo.txt", "en"),
    "longnote": (ROOT / "tests" / "fixtures" / "en" / "longnote.txt", "en"),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("wp-read")
    fodts, keys = [], []
    for doc_id, (src, lang) in SOURCES.items():
        for look_name, look in wpgen.LOOKS.items():
            fodts.append(
                wpgen.fodt_file(src, folder / f"{doc_id}.{look_name}.fodt", lang, doc_id, look)
            )
            keys.append((doc_id, look_name))
    return dict(zip(keys, wpgen.convert(fodts, folder), strict=True))


@pytest.mark.parametrize("look", wpgen.LOOKS)
@pytest.mark.parametrize("doc_id", SOURCES)
def test_real_footnotes_read_at_their_references(pdfs, doc_id, look):
    """Word processors set the number opening a footnote in full size, glued to its text."""
    src, lang = SOURCES[doc_id]
    from_text = extract_file(src, doc_id, lang)
    from_pdf = extract_file(pdfs[doc_id, look], doc_id, lang)

    def notes(doc):
        return [(n.n, spaced_as_printed(n.body.text), n.referenced_by) for n in doc.footnotes]

    def references(doc):
        """Each reference with the text before it in its unit: placed at the same point."""
        return {
            (b.uid, r.n, spaced_as_printed(b.body.text[: r.offset]))
            for b in doc.blocks()
            for r in b.body.refs
        }

    assert notes(from_text)  # every one of these documents has footnotes
    assert notes(from_pdf) == notes(from_text)
    assert references(from_text) <= references(from_pdf)


# In the dense look's small type and the narrow look's wide column the note fits under its
# reference: no page breaks it.
NOTE_FITS = {"dense", "narrow"}


@pytest.mark.parametrize("look", [name for name in wpgen.LOOKS if name not in NOTE_FITS])
def test_a_note_longer_than_its_page_runs_on_and_reads_whole(pdfs, look):
    """The fixture's note (written for the tests) cannot fit under its reference: the word
    processor breaks it across the page, and it reads back as one note."""
    printed = subprocess.run(
        ["pdftotext", str(pdfs["longnote", look]), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    opens = [n for n, page in enumerate(printed) if "(part 1)" in page]
    ends = [n for n, page in enumerate(printed) if "(part 44)" in page]
    assert len(opens) == len(ends) == 1 and ends[0] == opens[0] + 1  # broken across two pages
    (note,) = extract_file(pdfs["longnote", look], "longnote", "en").footnotes
    assert note.body.text.startswith("The report of the meeting records the views")
    assert note.body.text.endswith("(part 44).") and note.referenced_by == "p9"


def test_a_footnote_left_empty_is_a_note_without_text_at_its_reference(tmp_path):
    """The draft resolution written for the tests, with its lost note 2 put back as a word
    processor keeps a footnote nobody typed into: its marker alone at the page foot. It is an
    empty note, tied to its reference and warned of, not a paragraph of the body."""
    from pdfgen import rendering_marks

    from pipeline.model import Footnote, Text

    src = ROOT / "tests" / "fixtures" / "resolution" / "draft-en.txt"
    doc, marks = rendering_marks(src, "en", "draft-en")
    doc.footnotes.insert(1, Footnote("2", Text(""), referenced_by="res.pre.u2"))
    marks = {k: v for k, v in marks.items() if k != "action_style"}
    fodt = wpgen.write_fodt(doc, tmp_path / "draft.fodt", **marks)
    [pdf] = wpgen.convert([fodt], tmp_path)
    read = extract_file(pdf, "draft-en", "en")
    assert [(n.n, n.body.text, n.referenced_by) for n in read.footnotes][:3] == [
        ("1", "Report of the Third Conference on Prevention (A/CONF.191/11).", "res.pre.u1"),
        ("2", "", "res.pre.u2"),
        ("3", "See the Programme of Action for the Decade 2001-2010.", "res.pre.u2"),
    ]
    bodies = [block.body.text for block in read.blocks()]
    assert len(bodies) == 9 and all(bodies)  # five preambular, four operative paragraphs
    assert any(w.endswith("note 2 has no text") for w in read.warnings)
