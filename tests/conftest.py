"""Shared fixtures: the real seed documents of corpus/, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.corpus.manifest import load_manifest
from pipeline.extract import extract_file
from pipeline.model import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def manifest():
    return {entry.id: entry for entry in load_manifest(CORPUS / "manifest.toml")}


@pytest.fixture(scope="session")
def seeds(manifest) -> dict[str, Document]:
    return {
        doc_id: extract_file(
            CORPUS / entry.file, doc_id, entry.lang, f"corpus/{entry.file}", entry.metadata()
        )
        for doc_id, entry in manifest.items()
    }


@pytest.fixture(scope="session")
def lexicon():
    """CC-CEDICT and the project's glossary, built once as the callers of the aligners do."""
    from pipeline.terminology import glossary_lexicon

    return glossary_lexicon()
