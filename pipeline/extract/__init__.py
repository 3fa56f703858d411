"""Extraction: a read source to one `Document`, the model every writer and aligner uses."""

from __future__ import annotations

from pathlib import Path

from pipeline.doc_ids import default_id
from pipeline.errors import InputError
from pipeline.extract import tokens as tk
from pipeline.extract.family import (
    PARAGRAPHS,
    PLAN,
    REPORT,
    RESOLUTION,
    TREATY,
    detect_family,
)
from pipeline.extract.front import body_start, read_front
from pipeline.extract.glued_notes import glue_references
from pipeline.extract.ids import assign_ids
from pipeline.extract.note_links import link_notes
from pipeline.extract.resolution import build_resolution
from pipeline.extract.restore import restore_paragraph_numbers
from pipeline.extract.structure import build_body
from pipeline.extract.treaty import build_treaty
from pipeline.gc_pause import collector_paused
from pipeline.languages import LANGUAGES, LanguageTable, guess_language, table
from pipeline.model import Document, Source
from pipeline.model.findings import FRONT
from pipeline.readers.pdftext import read_pdf
from pipeline.readers.text import Line, TextSource, read_text

# Manifest keys that override or complete what the document itself says.
MANIFEST_KEYS = (
    "title",
    "date",
    "symbol",
    "convention",
    "kind",
    "plan",
    "follows",
    "translation_of",
)


def extract_file(
    path: Path,
    doc_id: str | None = None,
    lang: str | None = None,
    display: str | None = None,
    manifest: dict | None = None,
) -> Document:
    with collector_paused():
        if path.suffix.lower() == ".pdf":
            kind = (manifest or {}).get("kind")
            source = read_pdf(
                path, display, lang, lambda texts, table: pdf_front_end(texts, table, kind)
            )
        else:
            source = read_text(path, display)
        return extract_source(source, doc_id or default_id(path), lang, manifest)


def pdf_front_end(texts: list[str], language: LanguageTable, kind: str | None = None) -> int:
    """How many of the first page's printed lines form its first-page block (a treaty's end
    where its preamble or first chapter opens)."""
    lines = [Line(no, text) for no, text in enumerate(texts, 1)]
    family = detect_family(lines, language, kind)[0]
    return body_start(tk.tokenize(lines, language, family), language, family)


def extract_source(
    source: TextSource, doc_id: str, lang: str | None = None, manifest: dict | None = None
) -> Document:
    detected = detect_language(source)
    code = lang or detected
    if code not in LANGUAGES:
        raise InputError(source.path, f"unsupported language {code!r}")
    language = table(code)
    mismatch = (
        f"the text looks {table(detected).name}, but its language is given as "
        f"{code} ({language.name}): read as {language.name}"
    )
    language_warnings = [] if code == detected else [mismatch]
    family, family_warnings = detect_family(source.lines, language, (manifest or {}).get("kind"))
    tokens = tk.tokenize(source.lines, language, family)
    if source.encoding == "pdf":
        # The layout rebuilt the paragraphs: each of its lines stands apart, as if a blank
        # line were before it.
        for token in tokens:
            token.after_blank = True
    start = body_start(tokens, language, family)
    meta = read_front(tokens[:start], language)
    body_tokens = tk.join_continuations(tokens[start:], language, family)
    builder = {TREATY: build_treaty, RESOLUTION: build_resolution}.get(family, build_body)
    body = builder(body_tokens, language)
    doc = Document(
        id=doc_id,
        meta=meta,
        source=Source(source.path, source.sha256, source.encoding),
        sections=body.sections,
        preamble=body.preamble,
        footnotes=body.footnotes,
        doc_notes=body.doc_notes,
        warnings=source.warnings + language_warnings + family_warnings + body.warnings,
    )
    meta.submitted_by = meta.submitted_by or body.submitted_by
    _apply_manifest(doc, manifest or {})
    meta.family = family if family != PLAN else _plan_family(doc)
    if family == RESOLUTION:
        defined = {note.n for note in doc.footnotes}
        glue_references(
            [text for uid, text in doc.texts() if uid != FRONT][: -len(doc.notes()) or None],
            defined,
            language,
        )
    if meta.family == PARAGRAPHS:
        doc.warnings.append(
            "no known family (no chapters, articles, sections, numbered "
            "paragraphs or actions): read as paragraphs"
        )
    restore_paragraph_numbers(doc)
    # Document notes go by their marks (* before **), however the page ordered them: a word
    # processor sets them in the order of their references.
    doc.doc_notes.sort(key=lambda note: len(note.n))
    assign_ids(doc)
    link_notes(doc)
    return doc


def _plan_family(doc: Document) -> str:
    """What the plan reader found: actions make a plan; sections or numbered paragraphs a
    report; nothing of the kind, paragraphs alone."""
    if doc.actions():
        return PLAN
    if doc.all_sections() or doc.paragraphs(numbered=True):
        return REPORT
    return PARAGRAPHS


def detect_language(source: TextSource) -> str:
    return guess_language("".join(line.text for line in source.lines))


def _apply_manifest(doc: Document, manifest: dict) -> None:
    meta = doc.meta
    for key in MANIFEST_KEYS:
        value = manifest.get(key)
        if value:
            setattr(meta, key, str(value))
    if manifest.get("lang"):
        meta.language = manifest["lang"]
