"""The batch run behind `make corpus`: every document in corpus/ to output/tei/, and the corpus.

A bad document is reported in one line and skipped; the others go on. Every file is
written atomically, so an interrupted run leaves earlier outputs whole.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from pipeline import atomic
from pipeline.align.chains import align_chain, plan_chains
from pipeline.align.overrides import OVERRIDES, Override, load_overrides
from pipeline.align.pairs import translation_pairs
from pipeline.align.succession import lineages
from pipeline.align.translation import align_translation
from pipeline.corpus.manifest import Entry, load_manifest
from pipeline.errors import InputError
from pipeline.extract import default_id, extract_file
from pipeline.model import Document
from pipeline.writers.links import alignment_to_tei, alignment_to_tsv
from pipeline.writers.succession import lineages_to_tsv, succession_to_tei, succession_to_tsv
from pipeline.writers.tei import corpus_to_tei, document_to_tei
from pipeline.writers.tmx import segments_to_tmx

INPUT_SUFFIXES = {".txt", ".text", ".md", ".pdf"}
MANIFEST = "manifest.toml"


@dataclass
class Outcome:
    id: str
    file: str
    status: str  # ok | warned | failed
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class RunResult:
    outcomes: list[Outcome]
    seconds: float
    links: int = 0  # translation links written to alignments/

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> dict:
        statuses = [o.status for o in self.outcomes]
        totals: dict[str, int] = {}
        for outcome in self.outcomes:
            for key, value in outcome.counts.items():
                totals[key] = totals.get(key, 0) + value
        return {
            "documents": len(self.outcomes),
            "ok": statuses.count("ok"),
            "warned": statuses.count("warned"),
            "failed": statuses.count("failed"),
            **totals,
            "links": self.links,
        }


def run_corpus(root: Path, log: Callable[[str], None] = print) -> RunResult:
    started = time.monotonic()
    corpus = root / "corpus"
    manifest_path = corpus / MANIFEST
    entries = (load_manifest(manifest_path, f"corpus/{MANIFEST}") if manifest_path.exists()
               else [])
    outcomes: list[Outcome] = []
    documents: list[Document] = []
    for entry, doc_id, path, note in _plan(corpus, entries):
        outcome, doc = _process(root, corpus, entry, doc_id, path, note)
        outcomes.append(outcome)
        _report(outcome, log)
        if doc is not None:
            documents.append(doc)
    atomic.write_bytes(root / "output" / "corpus.xml", corpus_to_tei(documents))
    overrides = load_overrides(root / OVERRIDES)
    links = _align_translations(root, documents, overrides, log)
    links += _align_successions(root, documents, overrides, log)
    result = RunResult(outcomes, time.monotonic() - started, links)
    _write_run_json(root / "output" / "run.json", result)
    summary = result.summary()
    log(f"{summary['documents']} documents: {summary['ok']} ok, {summary['warned']} warned, "
        f"{summary['failed']} failed; {summary.get('sections', 0)} sections, "
        f"{summary.get('paragraphs', 0)} paragraphs, {summary.get('actions', 0)} actions, "
        f"{summary.get('indicators', 0)} indicators, {summary.get('footnotes', 0)} footnotes "
        f"in {result.seconds:.1f} s")
    return result


Planned = tuple[Entry | None, str, Path, str]


def _align_translations(root: Path, documents: list[Document], overrides: list[Override],
                        log: Callable[[str], None]) -> int:
    """Every pair of language versions: TEI links, their TSV twin and a TMX memory."""
    folder = root / "alignments"
    total = 0
    for a, b in translation_pairs(documents):
        result = align_translation(a, b, overrides)
        atomic.write_bytes(folder / f"{result.name}.xml",
                           alignment_to_tei(result.alignment, result.sentences))
        atomic.write_bytes(folder / f"{result.name}.tsv", alignment_to_tsv(result.alignment))
        atomic.write_bytes(folder / f"{result.name}.tmx",
                           segments_to_tmx(result.segments, a.meta.language, b.meta.language,
                                           result.source_lang))
        links = result.alignment.links
        total += len(links)
        review = sum(1 for link in links if link.review)
        log(f"linked {a.id} and {b.id}: {len(links)} links ({review} to review), "
            f"{len(result.alignment.unmatched)} without counterpart, "
            f"{len(result.segments)} TM segments")
    return total


def _align_successions(root: Path, documents: list[Document], overrides: list[Override],
                       log: Callable[[str], None]) -> int:
    """Every chain of plans (`plan`, `follows`): each step's links, and one row per lineage."""
    folder = root / "alignments"
    total = 0
    for plans in plan_chains(documents):
        chain = align_chain(plans, overrides)
        for (old, new), links in zip(pairwise(plans), chain.steps, strict=True):
            name = f"{old.id}__{new.id}.succession"
            atomic.write_bytes(folder / f"{name}.xml", succession_to_tei(links, old, new))
            atomic.write_bytes(folder / f"{name}.tsv", succession_to_tsv(links))
            total += sum(1 for s in links if s.old and s.new)
        keys = "--".join(p.meta.plan for p in plans)
        atomic.write_bytes(folder / f"lineages.{keys}.tsv",
                           lineages_to_tsv(plans, lineages(plans, chain.steps)))
        log(f"traced {' → '.join(p.meta.plan for p in plans)}: "
            f"{len(lineages(plans, chain.steps))} lineages")
    return total


def _plan(corpus: Path, entries: list[Entry]) -> list[Planned]:
    """Each document to process: manifest entries first, then files the manifest lacks,
    under an id inferred from the file name and made unique."""
    planned: list[Planned] = [(e, e.id, corpus / e.file, "") for e in entries]
    taken = {e.id for e in entries}
    listed = {(corpus / e.file).resolve() for e in entries}
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        if path.name == MANIFEST or path.name.startswith(".") or path.resolve() in listed:
            continue
        doc_id = base = default_id(path)
        suffix = 1
        while doc_id in taken:
            suffix += 1
            doc_id = f"{base}-{suffix}"
        taken.add(doc_id)
        planned.append((None, doc_id, path, "no manifest entry: language and metadata inferred"))
    return planned


def _process(root: Path, corpus: Path, entry: Entry | None, doc_id: str, path: Path,
             note: str) -> tuple[Outcome, Document | None]:
    display = f"corpus/{path.relative_to(corpus).as_posix()}"
    outcome = Outcome(doc_id, display, "ok")
    try:
        if path.suffix.lower() not in INPUT_SUFFIXES:
            raise InputError(display, f"unsupported input type {path.suffix or '(none)'!r}")
        if not path.exists():
            where = f" (manifest line {entry.line})" if entry else ""
            raise InputError(display, f"file not found{where}")
        doc = extract_file(path, doc_id, entry.lang if entry else None, display,
                           entry.metadata() if entry else None)
        atomic.write_bytes(root / "output" / "tei" / f"{doc.id}.xml", document_to_tei(doc))
    except InputError as err:
        outcome.status, outcome.message = "failed", str(err)
        return outcome, None
    except Exception as err:  # noqa: BLE001 - a bug must not stop the batch; name the file
        outcome.status = "failed"
        outcome.message = f"{display}: internal error: {type(err).__name__}: {err}"
        return outcome, None
    outcome.warnings = ([note] if note else []) + doc.warnings
    outcome.status = "warned" if outcome.warnings else "ok"
    outcome.counts = {
        "sections": len(doc.all_sections()),
        "paragraphs": len(doc.paragraphs(numbered=True)),
        "actions": len(doc.actions()),
        "indicators": len(doc.indicators()),
        "footnotes": len(doc.footnotes),
    }
    return outcome, doc


def _report(outcome: Outcome, log: Callable[[str], None]) -> None:
    if outcome.status == "failed":
        log(f"FAILED {outcome.message}")
        return
    counts = ", ".join(f"{v} {k}" for k, v in outcome.counts.items())
    log(f"{outcome.status:<6} {outcome.id}: {counts}")
    for warning in outcome.warnings:
        log(f"  warning {outcome.file}: {warning}")


def _write_run_json(path: Path, result: RunResult) -> None:
    payload = {
        "summary": result.summary(),
        "documents": [
            {"id": o.id, "file": o.file, "status": o.status, "message": o.message,
             "warnings": o.warnings, **o.counts}
            for o in result.outcomes
        ],
    }
    atomic.write_text(path, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
