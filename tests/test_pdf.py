"""PDF input: every seed rendered as a UN-style PDF extracts to what its text extracts to.

The PDFs are made by tests/pdfgen.py from the seed texts (renderings for the tests, under a
symbol that says so); the reader sees only the PDF.
"""

from __future__ import annotations

import copy
import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pdfgen
import pytest
from agreement import as_rendered, units

from pipeline.cli import main
from pipeline.corpus.runner import run_corpus
from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.model import Document, NoteRef, Text
from pipeline.writers.schema import validate_tei
from pipeline.writers.tei import document_to_tei

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = ["oslo", "vientiane", "dubrovnik", "maputo", "appendix", "longnote", "longcell"]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, manifest) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    paths = {}
    for doc_id, entry in manifest.items():
        paths[doc_id] = folder / f"{doc_id}.pdf"
        pdfgen.render_file(ROOT / "corpus" / entry.file, paths[doc_id], entry.lang, doc_id)
    for name in ENGLISH:
        paths[name] = folder / f"{name}.pdf"
        pdfgen.render_file(
            ROOT / "tests" / "fixtures" / "en" / f"{name}.txt", paths[name], "en", name
        )
    return paths


@pytest.fixture(scope="module")
def lausanne(rendered) -> Document:
    return extract_file(rendered["lausanne-zh"], "lausanne-zh", "zh")


@pytest.mark.parametrize(
    "doc_id",
    [
        "srap-draft-zh",
        "lausanne-zh",
        "nmap-model-zh",
        "ceca-report-2025-zh",
        "vap-review-cooperation-zh",
    ],
)
def test_seed_pdf_extracts_like_its_text(doc_id, seeds, rendered, lausanne):
    from_pdf = lausanne if doc_id == "lausanne-zh" else extract_file(rendered[doc_id], doc_id, "zh")
    assert units(from_pdf) == units(as_rendered(seeds[doc_id]))


@pytest.mark.parametrize("name", ENGLISH)
def test_english_fixture_pdf_extracts_like_its_text(name, rendered):
    from_text = extract_file(ROOT / "tests" / "fixtures" / "en" / f"{name}.txt", name, "en")
    from_pdf = extract_file(rendered[name], name, "en")
    assert units(from_pdf) == units(as_rendered(from_text))
    assert len(list(from_pdf.blocks())) > 1  # the comparison is not empty


def test_language_detected_from_the_pdf(rendered):
    assert extract_file(rendered["oslo"]).meta.language == "en"
    assert extract_file(rendered["nmap-model-zh"]).meta.language == "zh"


def test_first_page_block_and_page_furniture(rendered):
    doc = extract_file(rendered["srap-draft-zh"], "srap-draft-zh", "zh")
    meta = doc.meta
    assert meta.symbol == "PLANALIGN/TEST/srap-draft-zh"
    assert (meta.date, meta.original_language) == ("2024-08-16", "en")
    assert meta.printed_title == "《2025-2029年暹粒—吴哥行动计划》草案"
    body = [t.text for uid, t in doc.texts() if uid != "front"]
    assert not any("PLANALIGN/TEST" in t or "GE.00-00000" in t for t in body)
    # Page numbers are gone too: no unit ends in a stray number glued from the footer.
    assert all(not t.rstrip().endswith(("\t", " 2", " 3")) for t in body)


def test_footnotes_from_the_page_foot_at_their_reference(lausanne, seeds):
    doc = lausanne
    assert [(n.n, n.referenced_by) for n in doc.footnotes] == [("1", "p3"), ("2", "a1")]
    [ref] = next(a for a in doc.actions() if a.n == "1").body.refs
    assert ref == seeds["lausanne-zh"].actions()[0].body.refs[0]


# The looks in which the long note does not fit under its reference (in the others it fits,
# or its reference line goes to the next page with it).
NOTE_BREAKS = ("plain", "varied")


@pytest.mark.parametrize("look", NOTE_BREAKS)
def test_a_note_broken_across_pages_reads_whole_into_its_footnote(tmp_path, look):
    """The long note of the fixture written for the tests, with a short note added that the
    next page references: the long one breaks at the foot of its page and goes on at the head
    of the next page's footnote zone, before that page's own note. Each note reads back whole
    into its own footnote, and the next page's body into its paragraphs."""
    from agreement import characters_lost_and_added, exact

    from pipeline.model import Footnote

    doc, marks = pdfgen.rendering_marks(ROOT / "tests" / "fixtures" / "en" / "longnote.txt")
    eleventh = next(block for block in doc.blocks() if block.uid == "p11")
    eleventh.body.refs.append(NoteRef("2", len(eleventh.body.text)))
    own = Text("A note of the next page's own.")
    doc.footnotes.append(Footnote("2", own, uid="fn2", referenced_by="p11"))
    pdf = tmp_path / "longnote.pdf"
    pdfgen.render(doc, pdf, **marks, look=pdfgen.LOOKS[look])
    pages = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    opens = [n for n, page in enumerate(pages) if "(part 1)" in page]
    ends = [n for n, page in enumerate(pages) if "(part 44)" in page]
    assert len(opens) == len(ends) == 1 and ends[0] == opens[0] + 1  # broken across two pages
    assert pages[ends[0]].index("(part 44)") < pages[ends[0]].index(own.text)

    def body_and_notes(read: Document) -> list[tuple]:
        blocks = [("block", b.uid, b.n, exact(b.body)) for b in read.blocks()]
        return blocks + [("note", n.n, exact(n.body), n.referenced_by) for n in read.footnotes]

    got, want = body_and_notes(extract_file(pdf, "longnote", "en")), body_and_notes(doc)
    assert characters_lost_and_added(got, want) == ("", "")
    assert got == want


def test_table_rows_split_across_pages_rejoined(lausanne):
    doc = lausanne
    assert len(doc.indicators()) == 77
    twenty = next(a for a in doc.actions() if a.n == "20")
    assert "《集束弹药公约》第三条和第四条之下延期请求的方法" in twenty.restatements[0].body.text


def test_pdf_tei_is_valid(lausanne):
    doc = lausanne
    assert validate_tei(document_to_tei(doc)) == []
    assert doc.source.encoding == "pdf"


def test_cli_extracts_a_pdf(rendered, tmp_path, capsys):
    out = tmp_path / "oslo.xml"
    assert main(["extract", str(rendered["oslo"]), "-o", str(out)]) == 0
    assert validate_tei(out.read_bytes()) == []


def test_pdf_in_corpus_goes_through_the_batch(rendered, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(rendered["nmap-model-zh"], corpus / "model.pdf")
    shutil.copy(ROOT / "corpus" / "002_0c1cfc0310d863da.txt", corpus / "model.txt")
    (corpus / "manifest.toml").write_text(
        '[[document]]\nid = "model-pdf"\nfile = "model.pdf"\nlang = "zh"\n'
        'convention = "APMBC"\nkind = "working-paper"\ntitle = "Model (PDF rendering)"\n',
        encoding="utf-8",
    )
    result = run_corpus(tmp_path, log=lambda line: None)
    assert [o.status for o in result.outcomes] == ["ok", "warned"]
    pdf_doc = (tmp_path / "output" / "tei" / "model-pdf.xml").read_bytes()
    assert validate_tei(pdf_doc) == []
    assert b'<idno type="sha256">' in pdf_doc


class TestBadPdfs:
    def error(self, path: Path) -> str:
        with pytest.raises(InputError) as caught:
            extract_file(path)
        return str(caught.value)

    def test_encrypted(self, tmp_path):
        path = pdfgen.make_encrypted(tmp_path / "locked.pdf")
        assert self.error(path) == f"{path}: encrypted PDF: it needs a password"

    def test_truncated(self, tmp_path, rendered):
        path = pdfgen.make_truncated(rendered["oslo"], tmp_path / "cut.pdf")
        assert self.error(path) == f"{path}: corrupt or truncated PDF"

    def test_not_a_pdf_at_all(self, tmp_path):
        path = tmp_path / "fake.pdf"
        path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
        assert self.error(path) == f"{path}: corrupt or truncated PDF"

    def test_no_pdf_header(self, tmp_path):
        path = tmp_path / "words.pdf"
        path.write_bytes(b"Just text, saved with the wrong name.\n" * 50)
        assert self.error(path) == f"{path}: not a PDF (no %PDF- header)"

    def test_zero_pages(self, tmp_path):
        path = pdfgen.make_zero_pages(tmp_path / "empty.pdf")
        assert self.error(path) == f"{path}: PDF without pages"

    def test_image_only(self, tmp_path):
        path = pdfgen.make_image_only(tmp_path / "scan.pdf")
        assert self.error(path) == (
            f"{path}: page 1: no text layer (scanned images only): OCR is out of scope"
        )

    def test_fonts_without_unicode_map(self, tmp_path, rendered):
        path = pdfgen.make_no_unicode_map(rendered["nmap-model-zh"], tmp_path / "nomap.pdf")
        assert self.error(path) == (
            f"{path}: page 1: text without a Unicode mapping (the fonts "
            "lack one): it reads as garbage"
        )

    def test_cli_one_line_and_the_batch_goes_on(self, tmp_path, rendered):
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        pdfgen.make_encrypted(corpus / "locked.pdf")
        pdfgen.make_truncated(rendered["oslo"], corpus / "cut.pdf")
        shutil.copy(rendered["oslo"], corpus / "oslo.pdf")
        run = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "corpus", "--root", str(tmp_path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert run.returncode == 1
        assert "Traceback" not in run.stderr + run.stdout
        failed = [ln for ln in run.stdout.splitlines() if ln.startswith("FAILED")]
        assert failed == [
            "FAILED corpus/cut.pdf: corrupt or truncated PDF",
            "FAILED corpus/locked.pdf: encrypted PDF: it needs a password",
        ]
        assert (tmp_path / "output" / "tei" / "oslo.xml").exists()


def test_units_compare_everything():
    """The comparison helper sees a change in any unit's text, number or note."""
    doc = extract_file(ROOT / "tests" / "fixtures" / "en" / "oslo.txt", "oslo", "en")
    changed = dataclasses.replace(doc)
    before = units(doc)
    changed.footnotes[0].referenced_by = "elsewhere"
    assert units(changed) != before


def test_units_compare_the_front_matter():
    """The comparison sees a change in a first-page line, the printed title or an action's
    further paragraph."""
    src = ROOT / "tests" / "fixtures" / "bilingual" / "plan-en.txt"
    doc = extract_file(src, "plan-en", "en")
    before = units(doc)
    changes = [
        lambda d: d.meta.front.append(Text("Chinese")),
        lambda d: setattr(d.meta, "printed_title", "Action Plan"),
        lambda d: next(a for a in d.actions() if a.more).more[0].refs.append(NoteRef("1", 0)),
    ]
    for change in changes:
        changed = copy.deepcopy(doc)
        change(changed)
        assert units(changed) != before


def test_a_scanned_page_inside_a_text_pdf_is_named(tmp_path, rendered):
    import pypdfium2 as pdfium

    scan = pdfgen.make_image_only(tmp_path / "scan.pdf")
    combined = pdfium.PdfDocument(str(rendered["oslo"]))
    combined.import_pages(pdfium.PdfDocument(str(scan)))
    out = tmp_path / "with-scan.pdf"
    combined.save(str(out))
    doc = extract_file(out, "oslo", "en")
    assert doc.warnings == ["page 2: no text layer (scanned image?), nothing read from it"]
    assert [a.n for a in doc.actions()] == ["1", "2"]
