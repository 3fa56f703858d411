"""The cycle collector is held off while a document is extracted, and comes back after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.gc_pause import collector_paused

ROOT = Path(__file__).resolve().parent.parent


def test_pauses_nest_and_restore():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_extraction_pauses_and_restores_even_on_error(tmp_path, monkeypatch):
    seen = []
    from pipeline import extract

    real = extract.extract_source

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(extract, "extract_source", spy)
    doc = extract_file(ROOT / "tests" / "fixtures" / "en" / "oslo.txt", "oslo", "en")
    assert doc.sections and seen == [False] and gc.isenabled()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(InputError):
        extract_file(broken, "broken", "en")
    assert gc.isenabled()
