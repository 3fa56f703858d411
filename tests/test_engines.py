"""Every rendering of every seed and English fixture reads as its text does, unit by unit and
text by text: two engines, each in its looks (reportlab, tests/pdfgen.py; LibreOffice from
OpenDocument, tests/wpgen.py), against the text path's model. Spaces a PDF cannot tell
(between Chinese and Latin) are compared away; nothing else is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from agreement import as_printed, characters_lost_and_added, differences, units

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
    want = units(extract_file(src, doc_id, lang), as_printed)
    got = units(extract_file(pdfs[doc_id, engine], doc_id, lang), as_printed)
    lost, added = characters_lost_and_added(got, want)
    report = "\n".join(differences(got, want, width=400))
    assert (lost, added) == ("", ""), f"characters lost {lost!r}, added {added!r}\n{report}"
    assert got == want, report
