"""The batch run's last stage: the static site of `output/site/` (`pipeline.writers.pages`).

Each page is a task of its own, cached under the keys of what it shows: a document's page
under its extraction's key, its findings and the pair and lineage pages it links to; a
pair's or a chain's page under its alignment's key. So a changed document rebuilds its
own page, the pages of the alignments it is in, the index and the findings page — no
other; and a re-run with nothing changed builds none. The runner writes the files (bytes
that are there already are not written again). Pages of documents, pairs and chains no
longer in the corpus are removed.
"""

from __future__ import annotations

import json
import pickle
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from pipeline.corpus.cache import digest
from pipeline.corpus.results import Job, Outcome, Product, pack

SITE = "output/site"
PAIR_COUNTS = ("links", "review", "unmatched")


@dataclass(frozen=True)
class DocumentPageJob:
    doc_id: str
    document: bytes  # pickled Document
    findings: bytes  # pickled list of its Findings
    related: tuple[tuple[str, str], ...]  # (label, href) of its pair and lineage pages

    def run(self) -> Product:
        from pipeline.writers.pages import document_path
        from pipeline.writers.pages.docpage import document_page

        doc = pickle.loads(self.document)
        html = document_page(doc, pickle.loads(self.findings), list(self.related))
        meta = doc.meta
        summary = {"title": meta.title, "lang": meta.language, "family": meta.family}
        summary["kind"] = meta.kind or ""
        return Product({f"{SITE}/{document_path(doc.id)}": html}, payload=pack(summary))

    def failure(self, message: str) -> Product:
        return Product(failed=f"{SITE}/docs/{self.doc_id}.html: {message}")


@dataclass(frozen=True)
class PairPageJob:
    name: str
    translation: bytes  # pickled Translation

    def run(self) -> Product:
        from pipeline.writers.pages import pair_path
        from pipeline.writers.pages.pairpage import pair_page

        translation = pickle.loads(self.translation)
        alignment = translation.alignment
        counts = {
            "links": len(alignment.links),
            "review": sum(1 for link in alignment.links if link.review),
            "unmatched": len(alignment.unmatched),
        }
        return Product({f"{SITE}/{pair_path(self.name)}": pair_page(translation)}, counts=counts)

    def failure(self, message: str) -> Product:
        return Product(failed=f"{SITE}/pairs/{self.name}.html: {message}")


@dataclass(frozen=True)
class LineagePageJob:
    name: str
    plans: tuple[bytes, ...]  # pickled Documents, oldest first
    steps: bytes  # pickled list of each step's Successions

    def run(self) -> Product:
        from pipeline.writers.pages import lineage_path
        from pipeline.writers.pages.lineagepage import lineage_page

        plans = [pickle.loads(plan) for plan in self.plans]
        html = lineage_page(self.name, plans, pickle.loads(self.steps))
        return Product({f"{SITE}/{lineage_path(self.name)}": html})

    def failure(self, message: str) -> Product:
        return Product(failed=f"{SITE}/lineages/{self.name}.html: {message}")


@dataclass
class SiteDocument:
    """What the site reads of one document of the run (its extraction's task)."""

    outcome: Outcome
    key: str  # its extraction's cache key, "" when it failed before one
    product: Product


class Site:
    """The site's tasks, from what the run's other stages made: `finished` holds each
    task that ran or came from the cache with its product (`stage`, `key`, `name`)."""

    def __init__(self, code: str, documents: list[SiteDocument], finished: list[tuple]):
        self.code = code
        self.documents = documents
        self.good = {d.outcome.id: d for d in documents if d.outcome.status != "failed"}
        self.pairs = [(t, p) for t, p in finished if t.stage == "translation" and not p.failed]
        self.chains = [(t, p) for t, p in finished if t.stage == "succession" and not p.failed]
        self.alignment_names = {
            t.name for t, _ in finished if t.stage in ("translation", "succession")
        }
        found = [
            f
            for t, p in finished
            if t.stage in ("checks", "terms") and not p.failed
            for f in p.load()
        ]
        from pipeline.model.findings import sort_findings

        self.findings = sort_findings(found)
        self.by_doc: dict[str, list] = defaultdict(list)
        for finding in self.findings:
            self.by_doc[finding.doc].append(finding)

    def page_tasks(self) -> list[tuple[str, Callable[[], Job]]]:
        """(cache key, what makes its job) of every page but the index and the findings
        page; a job is made only for a page the cache does not have."""
        related = self._related()
        tasks: list[tuple[str, Callable[[], Job]]] = []
        for doc_id, document in self.good.items():
            findings = pack(self.by_doc.get(doc_id, []))
            links = tuple(related.get(doc_id, ()))
            key = digest(self.code, "site-doc", document.key, findings, json.dumps(links))
            payload = document.product.payload or b""
            tasks.append((key, partial(DocumentPageJob, doc_id, payload, findings, links)))
        for task, product in self.pairs:
            job = partial(PairPageJob, task.name, product.payload or b"")
            tasks.append((digest(self.code, "site-pair", task.key), job))
        for task, product in self.chains:
            ids, steps = product.load()
            plans = tuple(self.good[i].product.payload or b"" for i in ids)
            lineage = partial(LineagePageJob, task.name, plans, pack(steps))
            tasks.append((digest(self.code, "site-lineage", task.key), lineage))
        return tasks

    def _related(self) -> dict[str, list[tuple[str, str]]]:
        from pipeline.writers.pages import lineage_path, pair_path

        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for task, _ in self.pairs:
            a, b = task.name.split("__")
            out[a].append((f"side by side with {b}", f"../{pair_path(task.name)}"))
            out[b].append((f"side by side with {a}", f"../{pair_path(task.name)}"))
        for task, product in self.chains:
            for doc_id in product.load()[0]:
                out[doc_id].append(
                    (task.name.removeprefix("lineages."), f"../{lineage_path(task.name)}")
                )
        return out

    def whole_site_tasks(
        self, pages: list[Product]
    ) -> list[tuple[str, list[str], Callable[[], Product]]]:
        """(stage, keys, make) of the index, the findings page and the assets, run inline:
        `pages` are the products of `page_tasks`, in their order."""
        summaries = [p.load() if p.payload else {} for p in pages[: len(self.good)]]
        pair_counts = [p.counts for p in pages[len(self.good) : len(self.good) + len(self.pairs)]]
        entries = self._document_entries(dict(zip(self.good, summaries, strict=True)))
        pairs = [
            (task.name, counts) for (task, _), counts in zip(self.pairs, pair_counts, strict=True)
        ]
        chains = [(task.name, product.load()[0]) for task, product in self.chains]
        findings = digest(pack(self.findings))
        languages = {e["id"]: e.get("lang", "") for e in entries}
        index_inputs = json.dumps([entries, pairs, chains], sort_keys=True, ensure_ascii=False)
        return [
            (
                "site-index",
                [index_inputs, findings],
                lambda: _index(entries, pairs, chains, self.findings),
            ),
            (
                "site-findings",
                [json.dumps(languages, sort_keys=True), findings],
                lambda: _findings(self.findings, languages),
            ),
            ("site-assets", [], _assets),
        ]

    def _document_entries(self, summaries: dict[str, dict]) -> list[dict]:
        out = []
        for document in self.documents:
            o = document.outcome
            out.append(
                {
                    "id": o.id,
                    "file": o.file,
                    "status": o.status,
                    "message": o.message,
                    "counts": o.counts,
                    "warnings": o.warnings,
                    **summaries.get(o.id, {}),
                }
            )
        return out

    def departed(self, root: Path) -> list[Path]:
        """Pages of documents, pairs and chains the run no longer has."""
        site = root / SITE
        ids = {d.outcome.id for d in self.documents}
        return [
            *(p for p in sorted((site / "docs").glob("*.html")) if p.stem not in ids),
            *(
                p
                for folder in ("pairs", "lineages")
                for p in sorted((site / folder).glob("*.html"))
                if p.stem not in self.alignment_names
            ),
        ]


def _index(entries: list[dict], pairs: list, chains: list, findings: list) -> Product:
    from pipeline.writers.pages.overview import ChainEntry, DocumentEntry, PairEntry, index_page

    documents = [DocumentEntry(**{**e, "warnings": tuple(e["warnings"])}) for e in entries]
    pair_entries = [
        PairEntry(name, *name.split("__"), *(counts.get(c, 0) for c in PAIR_COUNTS))
        for name, counts in pairs
    ]
    chain_entries = [
        ChainEntry(name, tuple(name.removeprefix("lineages.").split("--")), tuple(ids))
        for name, ids in chains
    ]
    return Product(
        {f"{SITE}/index.html": index_page(documents, pair_entries, chain_entries, findings)}
    )


def _findings(findings: list, languages: dict[str, str]) -> Product:
    from pipeline.writers.pages.overview import findings_page

    return Product({f"{SITE}/findings.html": findings_page(findings, languages)})


def _assets() -> Product:
    from pipeline.writers.pages import site_assets

    return Product({f"{SITE}/{path}": data for path, data in site_assets().items()})
