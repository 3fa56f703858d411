"""The second test engine, tests/wpgen.py: seeds typeset by LibreOffice say what their text says.

Checks the renderings themselves (with poppler, not with the project's reader): every text of
every unit is printed, in the faces a word-processed UN document uses, with the indicator
table's header row on each page the table runs over and the footnotes as real footnotes. How
well planalign reads them is measured by tools/engine_agreement.py.
"""

from __future__ import annotations

import itertools
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import wpgen

from pipeline.extract import extract_file
from pipeline.model import Document, Text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {
    "lausanne-zh": (ROOT / "corpus" / "001_591293dc92ae0fa4.txt", "zh"),
    "oslo": (ROOT / "tests" / "fixtures" / "en" / "oslo.txt", "en"),
}


@pytest.fixture(scope="module")
def typeset(tmp_path_factory) -> dict[str, tuple[Document, Path]]:
    folder = tmp_path_factory.mktemp("wp")
    docs, fodts = {}, []
    for doc_id, (src, lang) in SOURCES.items():
        docs[doc_id] = extract_file(src, doc_id, lang)
        fodts.append(wpgen.fodt_file(src, folder / f"{doc_id}.fodt", lang, doc_id))
    pdfs = wpgen.convert(fodts, folder)
    return {doc_id: (docs[doc_id], pdf) for doc_id, pdf in zip(SOURCES, pdfs, strict=True)}


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pages(pdf: Path) -> list[str]:
    return poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")


def body_text(pdf: Path) -> str:
    """The pages' text without the running header and footer, blanks removed."""
    furniture = re.compile(r"^(PLANALIGN/TEST/\S+|GE\.00-00000 \([CE]\)\s*\d*)$", re.MULTILINE)
    return re.sub(r"\s+", "", "".join(furniture.sub("", page) for page in pages(pdf)))


def pieces(text: Text) -> list[str]:
    """The text between its note references, blanks removed (lines are broken and justified)."""
    cuts = [0, *sorted(r.offset for r in text.refs), len(text.text)]
    return [re.sub(r"\s+", "", text.text[a:b]) for a, b in itertools.pairwise(cuts)]


def unit_texts(doc: Document, tabled: bool) -> list[Text]:
    """The texts of the units; with `tabled`, only those of the indicator table's cells."""
    sections = doc.all_sections(("section", "subsection", "appendix"))
    texts = [] if tabled else [s.head for s in sections]
    for block in doc.blocks():
        restatements = getattr(block, "restatements", [])
        indicators = [i.body for i in getattr(block, "indicators", [])]
        inside = [r.body for r in restatements] + (indicators if restatements else [])
        outside = [block.body, *getattr(block, "more", [])]
        outside += [i.body for attr in ("items", "subitems") for i in getattr(block, attr, [])]
        outside += [] if restatements else indicators
        texts += inside if tabled else outside
    return texts


def printed_notes(doc: Document) -> list[tuple[str, Text]]:
    return [(n.n, n.body) for n in doc.footnotes + doc.doc_notes if n.referenced_by]


@pytest.mark.parametrize("doc_id", SOURCES)
def test_every_unit_text_is_printed(typeset, doc_id):
    doc, pdf = typeset[doc_id]
    printed = body_text(pdf)
    notes = printed_notes(doc)
    assert [n for n, body in notes if n + "".join(pieces(body)) not in printed] == []
    for n, body in notes:  # a page's notes stand between its last line and the next page's
        printed = printed.replace(n + "".join(pieces(body)), "")
    flowing = unit_texts(doc, tabled=False)
    assert len(flowing) > 10
    assert [p for text in flowing for p in pieces(text) if p not in printed] == []
    # Table cells side by side come out of pdftotext line by line across the columns: their
    # characters are all there, not their order.
    cells = Counter("".join(p for text in unit_texts(doc, tabled=True) for p in pieces(text)))
    assert cells - Counter(printed) == Counter()


@pytest.mark.parametrize(
    ("doc_id", "faces"), [("lausanne-zh", ("UMing",)), ("oslo", ("LiberationSerif",))]
)
def test_typeset_in_word_processor_faces(typeset, doc_id, faces):
    _, pdf = typeset[doc_id]
    fonts = poppler("pdffonts", str(pdf))
    assert all(face in fonts for face in faces)
    assert "Mono" not in fonts  # a file LibreOffice did not take as OpenDocument prints in mono


def test_table_header_repeats_and_footnotes_are_real(typeset):
    doc, pdf = typeset["lausanne-zh"]
    texts = pages(pdf)
    with_table = [i for i, page in enumerate(texts) if "指标" in page and "行动项目" in page]
    assert len(with_table) >= 3  # the appendix runs over several pages, a header on each
    assert with_table == list(range(with_table[0], with_table[-1] + 1))
    notes = [n for n in doc.footnotes if n.referenced_by]
    assert notes
    for note in notes:  # the definition at a page foot, after its marker: a real footnote
        first = pieces(note.body)[0][:12]
        page = next(t for t in texts if first in re.sub(r"\s+", "", t))
        assert re.search(rf"^{note.n}\s*\S", page, re.MULTILINE)
