"""The batch run's work: each job's `run()` makes one `Product`, wherever the executor runs it.

Jobs are small picklable records; documents travel between stages pickled (the extraction
product's payload), so a job never needs the main process' memory. Nothing here writes a
file: products carry their files' bytes, and the runner writes them, in one process.
This module imports the whole pipeline; the runner imports it only when some task must run.
"""

from __future__ import annotations

import functools
import pickle
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from pipeline.align.chains import align_chain, plan_chains
from pipeline.align.encoder import load_encoder
from pipeline.align.overrides import Override
from pipeline.align.pairs import translation_pairs
from pipeline.align.plans import lineages
from pipeline.align.translation import align_translation
from pipeline.corpus.results import Outcome, Product, failed_document, pack
from pipeline.errors import InputError, internal_error
from pipeline.extract import extract_file
from pipeline.model import Document
from pipeline.writers.links import alignment_to_tei, alignment_to_tsv
from pipeline.writers.succession import lineages_to_tsv, succession_to_tei, succession_to_tsv
from pipeline.writers.tei import corpus_to_tei, document_to_tei
from pipeline.writers.tmx import segments_to_tmx
from pipeline.writers.unit_table import units_to_tsv


def warm_up() -> None:
    """Load what the alignment and QA stages share — CC-CEDICT, and jieba's dictionary with
    the glossary's terms — in this process: worker processes forked after it inherit it
    instead of each loading it again (seconds apiece)."""
    _lexicon()


def run_job(job) -> Product:
    """The executor's entry point: one job, and a bug in it a failed product, not a crash."""
    try:
        return job.run()
    except Exception as err:  # noqa: BLE001 - a bug must not stop the batch; name the input
        return job.failure(internal_error(err))


@dataclass(frozen=True)
class DocumentJob:
    """One document of the corpus to its TEI; the `Document` travels on as the payload."""

    doc_id: str
    path: str  # absolute, so that any worker finds it
    display: str  # corpus/<file>, as messages and the TEI header name it
    lang: str | None
    metadata: dict | None
    note: str  # a warning the runner already knows (no manifest entry)

    def run(self) -> Product:
        try:
            doc = extract_file(Path(self.path), self.doc_id, self.lang, self.display, self.metadata)
        except InputError as err:  # the document itself: cached, it fails the same way again
            return failed_document(self.doc_id, self.display, str(err))
        warnings = ([self.note] if self.note else []) + doc.warnings
        outcome = Outcome(
            doc.id, self.display, "warned" if warnings else "ok", "", warnings, document_counts(doc)
        )
        return Product(
            files={f"output/tei/{doc.id}.xml": document_to_tei(doc)},
            outcome=outcome,
            payload=pack(doc),
        )

    def failure(self, message: str) -> Product:
        return failed_document(self.doc_id, self.display, f"{self.display}: {message}", retry=True)


def document_counts(doc: Document) -> dict[str, int]:
    return {
        "sections": len(doc.all_sections()),
        "paragraphs": len(doc.paragraphs(numbered=True)),
        "actions": len(doc.actions()),
        "indicators": len(doc.indicators()),
        "footnotes": len(doc.footnotes),
    }


@dataclass(frozen=True)
class TranslationJob:
    """Two language versions: TEI links, their TSV twin and a TMX memory."""

    a: bytes  # pickled Document, the original-language version when known
    b: bytes
    overrides: tuple[Override, ...]
    name: str  # <a>__<b>

    def run(self) -> Product:
        a, b = pickle.loads(self.a), pickle.loads(self.b)
        result = align_translation(a, b, _lexicon(), list(self.overrides), load_encoder())
        folder = "alignments"
        links = result.alignment.links
        review = sum(1 for link in links if link.review)
        line = (
            f"linked {a.id} and {b.id}: {len(links)} links ({review} to review), "
            f"{len(result.alignment.unmatched)} without counterpart, "
            f"{len(result.segments)} TM segments"
        )
        files = {
            f"{folder}/{result.name}.xml": alignment_to_tei(result.alignment, result.sentences),
            f"{folder}/{result.name}.tsv": alignment_to_tsv(result.alignment),
            f"{folder}/{result.name}.tmx": segments_to_tmx(
                result.segments, a.meta.language, b.meta.language, result.source_lang
            ),
        }
        return Product(
            files,
            counts={"links": len(links)},
            log=[line],
            warnings=result.alignment.warnings,
            payload=pack(result),
        )

    def failure(self, message: str) -> Product:
        return Product(failed=f"alignments/{self.name}: {message}")


@dataclass(frozen=True)
class SuccessionJob:
    """A chain of plans (`plan`, `follows`): each step's links, and one row per lineage."""

    plans: tuple[bytes, ...]  # pickled Documents, oldest first
    overrides: tuple[Override, ...]
    name: str  # lineages.<plan>--<plan>…

    def run(self) -> Product:
        plans = [pickle.loads(plan) for plan in self.plans]
        chain = align_chain(plans, _lexicon(), list(self.overrides))
        files: dict[str, bytes] = {}
        total = 0
        for (old, new), links in zip(pairwise(plans), chain.steps, strict=True):
            name = f"alignments/{old.id}__{new.id}.succession"
            files[f"{name}.xml"] = succession_to_tei(links, old, new)
            files[f"{name}.tsv"] = succession_to_tsv(links, old, new)
            total += sum(1 for s in links if s.old and s.new)
        rows = lineages(plans, chain.steps)
        files[f"alignments/{self.name}.tsv"] = lineages_to_tsv(plans, rows)
        line = f"traced {' → '.join(p.meta.plan for p in plans)}: {len(rows)} lineages"
        steps = pack(([p.id for p in plans], chain.steps))  # for the lineage page
        return Product(
            files, counts={"links": total}, log=[line], warnings=chain.warnings, payload=steps
        )

    def failure(self, message: str) -> Product:
        return Product(failed=f"alignments/{self.name}.tsv: {message}")


def chain_name(plans: list[Document]) -> str:
    return "lineages." + "--".join(p.meta.plan or p.id for p in plans)


def corpus_product(documents: list[Document]) -> Product:
    """All documents in one teiCorpus; every unit of every document in one table."""
    return Product(
        {"output/corpus.xml": corpus_to_tei(documents), "output/units.tsv": units_to_tsv(documents)}
    )


def link_plan(documents: list[Document]) -> Product:
    """Which documents are aligned with which: translation pairs and chains of plans, by id.
    The payload is ([(a, b), …], [(chain name, [id, …]), …])."""
    pairs = [(a.id, b.id) for a, b in translation_pairs(documents)]
    chains = [(chain_name(plans), [p.id for p in plans]) for plans in plan_chains(documents)]
    return Product(payload=pack((pairs, chains)))


@dataclass(frozen=True)
class ChecksJob:
    """The QA checks that read one document alone; the payload is its findings."""

    document: bytes  # pickled Document
    display: str  # its file, for messages

    def run(self) -> Product:
        from pipeline.qa import document_findings

        findings = document_findings(pickle.loads(self.document), _glossary())
        return Product(counts={"findings": len(findings)}, payload=pack(findings))

    def failure(self, message: str) -> Product:
        return Product(failed=f"output/qa (checks of {self.display}): {message}")


@dataclass(frozen=True)
class TermsJob:
    """What reads the whole corpus: numbers across translations, terms across documents;
    output/qa/renderings.{tsv,json} and the glossary as TBX. The payload is the findings."""

    documents: tuple[bytes, ...]  # pickled Documents
    translations: tuple[bytes, ...]  # pickled Translations

    def run(self) -> Product:
        from pipeline.qa import corpus_findings
        from pipeline.terminology import TermChecks, glossary_to_tbx
        from pipeline.writers.rendering_table import renderings_to_json, renderings_to_tsv

        documents = [pickle.loads(d) for d in self.documents]
        translations = [pickle.loads(t) for t in self.translations]
        glossary = _glossary()
        lexicon = _lexicon()
        terms = TermChecks(documents, translations, glossary, lexicon)  # one pass for both
        findings = corpus_findings(documents, translations, glossary, lexicon, terms)
        renderings = terms.renderings()
        files = {
            "output/qa/glossary.tbx": glossary_to_tbx(glossary),
            "output/qa/renderings.json": renderings_to_json(renderings),
            "output/qa/renderings.tsv": renderings_to_tsv(renderings),
        }
        return Product(files, counts={"findings": len(findings)}, payload=pack(findings))

    def failure(self, message: str) -> Product:
        return Product(failed=f"output/qa (terminology): {message}")


@functools.cache  # once a process, not once a document: the Glossary is immutable
def _glossary():
    """The project's glossary, which the checks read (part of the code version)."""
    from pipeline.qa import load_glossary

    return load_glossary(None)


@functools.cache  # once a process: the aligners and the checks only read it
def _lexicon():
    """CC-CEDICT and the project's glossary, for the alignments and the terminology checks."""
    from pipeline.terminology import glossary_lexicon

    return glossary_lexicon(_glossary())


def qa_report(found: list[list]) -> Product:
    """output/qa/findings.*: every check's findings, in one order whatever ran where."""
    from pipeline.model.findings import sort_findings
    from pipeline.writers.report import qa_files, summary_line

    findings = sort_findings([f for part in found for f in part])
    files = {f"output/qa/{name}": data for name, data in sorted(qa_files(findings).items())}
    return Product(
        files, counts={"findings": len(findings)}, log=[f"checked: {summary_line(findings)}"]
    )
