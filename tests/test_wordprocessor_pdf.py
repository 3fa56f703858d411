"""The reader on PDFs from a word processor (tests/wpgen.py: LibreOffice from OpenDocument), the
way real UN PDFs are made. What already holds is pinned here; tools/engine_agreement.py
measures the rest, unit by unit, against the text path."""

from __future__ import annotations

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
