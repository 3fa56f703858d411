"""Shared fixtures: the real seed documents of corpus/, extracted once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

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


@pytest.fixture(scope="session")
def encoder():
    """The multilingual sentence encoder, loaded once as the callers of the aligners do."""
    from pipeline.align.encoder import load_encoder

    return load_encoder()


def _unresolved(link_files: list[Path]) -> list[str]:
    """Every target of the link files that names no element of its TEI file (a URI resolved
    from the link file's folder, as a TEI tool resolves it)."""
    namespaces = {"t": "http://www.tei-c.org/ns/1.0"}
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    missing, ids = [], {}
    for link_file in link_files:
        root = etree.parse(str(link_file))
        targets = root.xpath("//t:link/@target | //t:ptr/@target", namespaces=namespaces)
        for uri in (u for target in targets for u in target.split()):
            path, _, wanted = uri.partition("#")
            tei = (link_file.parent / path).resolve()
            if tei not in ids:
                ids[tei] = (
                    {el.get(xml_id) for el in etree.parse(str(tei)).iter() if el.get(xml_id)}
                    if tei.is_file()
                    else set()
                )
            if wanted not in ids[tei]:
                missing.append(uri)
    return missing


@pytest.fixture
def unresolved():
    return _unresolved
