"""The batch run behind `make corpus`: corpus/ to output/ and alignments/, stage by stage.

Stages: each document to its TEI (in parallel), all of them to `output/corpus.xml`, then
the alignments — translation pairs and chains of plans (in parallel) — then the QA
findings. Every task's product is cached under a key made of its inputs and the code
(`cache.py`); a task found there is not run again, and a file already holding the bytes a
product carries is not written again, so a run over an unchanged corpus does no work.

A bad document, or a task that fails, is reported in one line and the rest go on. Files
are written atomically, by this process alone, and `alignments/overrides.tsv` never.
`output/run.json` holds only what the inputs determine (no times, no cache figures), so two
runs give byte-identical outputs.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import atomic
from pipeline.align.overrides import OVERRIDES, parse_overrides
from pipeline.corpus.cache import CACHE, Cache, code_version, digest
from pipeline.corpus.executor import Executor, SerialExecutor, TaskError
from pipeline.corpus.listing import INPUT_SUFFIXES, Planned, plan_documents
from pipeline.corpus.lock import run_lock
from pipeline.corpus.manifest import ManifestEntry, corpus_entries
from pipeline.corpus.progress import Progress
from pipeline.corpus.results import Job, Outcome, Product, failed_document
from pipeline.errors import InputError, internal_error

COUNTS = ("sections", "paragraphs", "actions", "indicators", "footnotes")


@dataclass
class RunResult:
    outcomes: list[Outcome]  # one per document, in manifest order
    seconds: float
    links: int = 0  # translation and succession links written to alignments/
    findings: int = 0
    tasks: list[dict] = field(default_factory=list)  # the alignment and QA tasks
    warnings: list[str] = field(default_factory=list)  # about the run as a whole
    cached: int = 0  # tasks found in the cache
    computed: int = 0  # tasks run

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def failures(self) -> int:
        """Documents and other tasks that failed: the exit status is 1 when any did."""
        return len(self.failed) + sum(1 for t in self.tasks if t["status"] == "failed")

    def summary(self) -> dict:
        statuses = [o.status for o in self.outcomes]
        totals = {key: sum(o.counts.get(key, 0) for o in self.outcomes) for key in COUNTS}
        return {
            "documents": len(self.outcomes),
            "ok": statuses.count("ok"),
            "warned": statuses.count("warned"),
            "failed": statuses.count("failed"),
            **totals,
            "links": self.links,
            "findings": self.findings,
        }


def run_corpus(
    root: Path,
    log: Callable[[str], None] = print,
    *,
    executor: Executor | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> RunResult:
    """Process `root`/corpus. `force` ignores the cache (and refills it). A run that cannot
    start (a manifest or overrides error, another run at work on the folder) stops with one
    line before it writes anything."""
    started = time.monotonic()
    corpus = root / "corpus"
    entries = corpus_entries(corpus)
    overrides = _read_overrides(root)
    with run_lock(root / "output"):
        for folder in ("output", "alignments"):  # what a killed run was writing
            atomic.sweep(root / folder)
        planned = plan_documents(corpus, entries)
        # Only a corpus in two languages has translations to align (unlisted files may be
        # either)
        bilingual = len({e.lang for e in entries}) > 1 or any(not e for e, *_ in planned)
        run = _Run(
            root,
            Cache(root / CACHE, read=not force),
            executor or SerialExecutor(),
            progress or Progress(log),
            code_version(),
            overrides,
            bilingual,
        )
        result = run.everything(planned)
        for path in _departed(root, {doc_id for _, doc_id, *_ in planned}):
            path.unlink()
            run.progress.notice(
                f"removed {path.relative_to(root).as_posix()}: its document "
                "is no longer in the corpus"
            )
        result.seconds = time.monotonic() - started
        run.write_file("output/run.json", _run_json(result))
        run.cache.prune()
    result.cached, result.computed = run.cache.hits, run.cache.misses
    run.progress.notice(_summary_line(result))
    return result


@dataclass
class _Task:
    stage: str  # cache folder: extract, translation, succession, checks, terms
    key: str
    make_job: Callable[[], Job]  # the job work.run_job runs, if it must run
    name: str = ""  # an alignment's, as run.json names it


@dataclass
class _Document:
    outcome: Outcome
    product: Product  # its TEI, and the Document as payload
    key: str = ""  # cache key of its extraction

    @property
    def ok(self) -> bool:
        return self.outcome.status != "failed"


class _Run:
    def __init__(
        self,
        root: Path,
        cache: Cache,
        executor: Executor,
        progress: Progress,
        code: str,
        overrides: tuple[bytes, tuple],
        bilingual: bool,
    ):
        self.root = root
        self.cache = cache
        self.executor = executor
        self.progress = progress
        self.code = code
        self.overrides_bytes, self.overrides = overrides
        self.never_written = (root / OVERRIDES).resolve()
        self.bilingual = bilingual  # the corpus may hold translations (see _warm_up)
        self.finished: list[tuple[_Task, Product]] = []  # every task's, for the site

    def everything(self, planned: list[Planned]) -> RunResult:
        documents = self.extract(planned)
        warnings = self._unknown_documents({doc_id for _, doc_id, *_ in planned})
        good = [d for d in documents if d.ok]
        keys = [d.key for d in good]
        # The Documents, unpickled once for the two whole-corpus tasks, if either must run
        models = functools.cache(lambda: [d.product.load() for d in good])
        corpus = self.inline("corpus", keys, lambda: _work().corpus_product(models()))
        plan = self.inline("links", keys, lambda: _work().link_plan(models()))
        models.cache_clear()
        tasks = [] if not corpus.failed else [_failed_task("corpus", "corpus.xml", corpus)]
        records, translations = self.align(good, plan)
        tasks += records
        tasks += self.quality(good, translations)
        self.site(documents)
        links = sum(t.get("links", 0) for t in tasks)
        findings = sum(t.get("findings", 0) for t in tasks)
        return RunResult([d.outcome for d in documents], 0.0, links, findings, tasks, warnings)

    # Stage 1: each document to its TEI ---------------------------------------------------
    def extract(self, planned: list[Planned]) -> list[_Document]:
        items = [self._document_task(*plan) for plan in planned]
        documents: list[_Document] = []

        def done(index: int, product: Product) -> None:
            task = items[index]
            key = task.key if isinstance(task, _Task) else ""
            outcome = product.outcome
            assert outcome is not None, "every extraction product has its outcome"
            documents.append(_Document(outcome, product, key))
            self._report_document(outcome)
            self.write_files(product.files)

        self.run_tasks("documents", items, done, unit="doc")
        return documents

    def _document_task(
        self, entry: ManifestEntry | None, doc_id: str, path: Path, note: str
    ) -> _Task | Product:
        """The extraction task, keyed by the document's bytes; or the failure, if it has
        none to read."""
        display = f"corpus/{path.relative_to(self.root / 'corpus').as_posix()}"
        if path.suffix.lower() not in INPUT_SUFFIXES:
            return failed_document(
                doc_id, display, f"{display}: unsupported input type {path.suffix or '(none)'!r}"
            )
        try:
            with path.open("rb") as handle:
                content = hashlib.file_digest(handle, "sha256").digest()
        except FileNotFoundError:
            where = f" (manifest line {entry.line})" if entry else ""
            what = (
                f"broken symbolic link to {os.readlink(path)}"
                if path.is_symlink()
                else "file not found"
            )
            return failed_document(doc_id, display, f"{display}: {what}{where}")
        except OSError as err:
            return failed_document(
                doc_id, display, f"{display}: cannot read: {err.strerror or err}"
            )
        lang = entry.lang if entry else None
        metadata = entry.metadata() if entry else None
        key = digest(
            self.code,
            "extract",
            doc_id,
            display,
            lang or "",
            json.dumps(metadata, sort_keys=True),
            note,
            content,
        )
        return _Task(
            "extract",
            key,
            lambda: _work().DocumentJob(doc_id, str(path.resolve()), display, lang, metadata, note),
        )

    def _unknown_documents(self, ids: set[str]) -> list[str]:
        """Decisions of the overrides naming a document the corpus does not have."""
        warnings = []
        for override in self.overrides:
            unknown = [i for i in (override.source, override.target) if i.split(".")[0] not in ids]
            if unknown:
                warnings.append(
                    f"{OVERRIDES}:{override.line}: {', '.join(unknown)} names no "
                    "document of the corpus: the decision was not applied"
                )
        for warning in warnings:
            self.progress.notice(f"warning {warning}")
        return warnings

    def _report_document(self, outcome: Outcome) -> None:
        if outcome.status == "failed":
            self._report_failure(outcome.message)
            return
        counts = ", ".join(f"{v} {k}" for k, v in outcome.counts.items())
        self.progress.routine(f"{outcome.status:<6} {outcome.id}: {counts}")
        for warning in outcome.warnings:
            self.progress.notice(f"  warning {outcome.file}: {warning}")

    # Stage 2: translation pairs and chains of plans ----------------------------------------
    def align(
        self, good: list[_Document], plan: Product
    ) -> tuple[list[dict], list[tuple[str, Product]]]:
        """The pairs and chains `plan` names, aligned: the tasks' records; and the
        translations that went through, (cache key, product), for QA."""
        if plan.failed:
            return [_failed_task("links", "pairs and chains", plan)], []
        by_id = {d.outcome.id: d for d in good}
        pairs, chains = plan.load()
        tasks = [self._translation_task(by_id[a], by_id[b]) for a, b in pairs]
        tasks += [self._succession_task(name, [by_id[i] for i in ids]) for name, ids in chains]
        records: list[dict] = [
            {"kind": t.stage, "name": t.name, "status": "ok", "message": ""} for t in tasks
        ]

        def done(index: int, product: Product) -> None:
            if product.failed:
                records[index].update(status="failed", message=product.failed)
                self._report_failure(product.failed)
                return
            records[index].update(product.counts)
            if product.warnings:
                records[index]["warnings"] = product.warnings
            for line in product.log:
                self.progress.routine(line)
            for warning in product.warnings:
                self.progress.notice(f"  warning {records[index]['name']}: {warning}")
            self.write_files(product.files)

        products = self.run_tasks("alignments", tasks, done)
        translations = [
            (task.key, product)
            for task, product in zip(tasks, products, strict=True)
            if task.stage == "translation" and not product.failed
        ]
        return records, translations

    def _translation_task(self, a: _Document, b: _Document) -> _Task:
        key = digest(self.code, "translation", a.key, b.key, self.overrides_bytes)
        name = f"{a.outcome.id}__{b.outcome.id}"
        return _Task(
            "translation",
            key,
            lambda: _work().TranslationJob(
                a.product.payload, b.product.payload, self.overrides, name
            ),
            name,
        )

    def _succession_task(self, name: str, plans: list[_Document]) -> _Task:
        key = digest(self.code, "succession", *[p.key for p in plans], self.overrides_bytes)
        return _Task(
            "succession",
            key,
            lambda: _work().SuccessionJob(
                tuple(p.product.payload for p in plans), self.overrides, name
            ),
            name,
        )

    # Stage 3: QA findings --------------------------------------------------------------------
    def quality(self, good: list[_Document], translations: list[tuple[str, Product]]) -> list[dict]:
        """Findings over every document and translation (`pipeline.qa`): each document's own
        checks, and what reads the whole corpus (terms, numbers across translations), as
        tasks in parallel; then output/qa/ from all of them."""
        tasks = [self._checks_task(d) for d in good]
        tasks.append(
            _Task(
                "terms",
                digest(
                    self.code, "terms", *[d.key for d in good], *[key for key, _ in translations]
                ),
                lambda: _work().TermsJob(
                    tuple(d.product.payload for d in good),
                    tuple(p.payload for _, p in translations),
                ),
            )
        )
        records: list[dict] = []

        def done(index: int, product: Product) -> None:
            if product.failed:
                records.append(_failed_task("qa", "output/qa", product))
                self._report_failure(product.failed)
            else:
                self.write_files(product.files)

        products = self.run_tasks("checks", tasks, done)
        parts = [(t.key, p) for t, p in zip(tasks, products, strict=True) if not p.failed]
        report = self.inline(
            "qa", [key for key, _ in parts], lambda: _work().qa_report([p.load() for _, p in parts])
        )
        if report.failed:
            return records + [_failed_task("qa", "output/qa", report)]
        for line in report.log:
            self.progress.routine(line)
        return records + [
            {"kind": "qa", "name": "output/qa", "status": "ok", "message": "", **report.counts}
        ]

    def _checks_task(self, document: _Document) -> _Task:
        key = digest(self.code, "checks", document.key)
        return _Task(
            "checks",
            key,
            lambda: _work().ChecksJob(document.product.payload, document.outcome.file),
        )

    # Stage 4: the site people read, output/site/ ---------------------------------------------
    def site(self, documents: list[_Document]) -> None:
        """A page per document, pair and chain, each a task cached by what it shows; then
        the index, the findings page and the assets (`website.py`)."""
        from pipeline.corpus.website import Site, SiteDocument

        site = Site(
            self.code,
            [SiteDocument(d.outcome, d.key, d.product) for d in documents],
            self.finished,
        )
        pages = [_Task("site", key, make) for key, make in site.page_tasks()]
        products = self.run_tasks("site", pages, lambda _, p: self.write_files(p.files))
        for stage, keys, make in site.whole_site_tasks(products):
            self.inline(stage, keys, make)
        for path in site.departed(self.root):
            path.unlink()

    # Running tasks ------------------------------------------------------------------------
    def run_tasks(
        self,
        label: str,
        items: Sequence[_Task | Product],
        done: Callable[[int, Product], None],
        unit: str = "task",
    ) -> list[Product]:
        """Each task's product, from the cache or else from the executor (and then cached).
        An item that is a Product is finished already. `done` sees the products in item
        order, each as soon as it and all before it are there, whatever order they finish
        in: what is logged and written never depends on the executor."""
        products: list[Product | None] = [
            item if isinstance(item, Product) else self.cache.get(item.stage, item.key)
            for item in items
        ]
        missing = [
            (i, item)
            for i, item in enumerate(items)
            if isinstance(item, _Task) and products[i] is None
        ]
        self.progress.start(label, len(items), len(items) - len(missing), unit)
        released = _release(0, products, done)
        if missing:
            jobs = [task.make_job() for _, task in missing]
            finished = self.executor.map_unordered(_work().run_job, jobs, self._warm_up)
            for position, result in finished:
                index, task = missing[position]
                if isinstance(result, TaskError):
                    result = jobs[position].failure(result.message)
                if not result.failed:
                    self.cache.put(task.stage, task.key, result)
                products[index] = result
                self.progress.advance()
                released = _release(released, products, done)
        self.progress.finish()
        done_products = [product for product in products if product is not None]  # all now
        self.finished += [
            (t, p) for t, p in zip(items, done_products, strict=True) if isinstance(t, _Task)
        ]
        return done_products

    def _warm_up(self) -> None:
        """While the first tasks run elsewhere: load the lexicon, which the alignments (in
        workers forked after this) and the QA stage (here) need in a corpus with
        translations, whenever a document changed. Serially (no `meanwhile` there) it is
        loaded when first needed."""
        if self.bilingual:
            _work().warm_up()  # once a process: the lexicon is kept once loaded

    def inline(self, stage: str, keys: list[str], make: Callable[[], Product]) -> Product:
        """A whole-corpus task, run here: from the cache, else made, cached and written."""
        key = digest(self.code, stage, *keys)
        product = self.cache.get(stage, key)
        if product is None:
            try:
                product = make()
            except Exception as err:  # noqa: BLE001 - reported as a failed task
                product = Product(failed=f"{stage}: {internal_error(err)}")
            if product.failed:
                self._report_failure(product.failed)
            else:
                self.cache.put(stage, key, product)
        self.write_files(product.files)
        return product

    def _report_failure(self, message: str) -> None:
        self.progress.notice(f"FAILED {message}")

    # Writing ------------------------------------------------------------------------------
    def write_files(self, files: dict[str, bytes]) -> None:
        for path, data in files.items():
            self.write_file(path, data)

    def write_file(self, path: str, data: bytes) -> None:
        """Atomically, and only when the file does not already hold these bytes."""
        target = self.root / path
        if target.resolve() == self.never_written:
            raise AssertionError(f"{OVERRIDES} holds human decisions: never written")
        try:
            if target.read_bytes() == data:
                return
        except OSError:
            pass
        atomic.write_bytes(target, data)


def _work():
    """The module that does the work: imported only when some task must run."""
    from pipeline.corpus import work

    return work


def _release(
    cursor: int, products: list[Product | None], done: Callable[[int, Product], None]
) -> int:
    """Hand `done` the products from `cursor` on, up to the first not yet there."""
    while cursor < len(products):
        product = products[cursor]
        if product is None:
            break
        done(cursor, product)
        cursor += 1
    return cursor


def _failed_task(kind: str, name: str, product: Product) -> dict:
    return {"kind": kind, "name": name, "status": "failed", "message": product.failed}


def _read_overrides(root: Path) -> tuple[bytes, tuple]:
    """The decisions' bytes (part of every alignment's cache key) and the decisions."""
    path = root / OVERRIDES
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return b"", ()
    except OSError as err:
        raise InputError(str(OVERRIDES), f"cannot read: {err.strerror or err}") from None
    return data, tuple(parse_overrides(data))


def _departed(root: Path, ids: set[str]) -> list[Path]:
    """Outputs of documents no longer in the corpus (removed, renamed, given another id): their
    TEI and the translation and succession links that name them. A document that is still
    there but failed this run keeps its earlier outputs."""
    tei = [p for p in sorted((root / "output" / "tei").glob("*.xml")) if p.stem not in ids]
    links = [
        p
        for p in sorted((root / "alignments").glob("*__*.*"))
        if not set(p.name.split(".")[0].split("__")) <= ids
    ]
    return tei + links


def _summary_line(result: RunResult) -> str:
    s = result.summary()
    failed_tasks = result.failures - s["failed"]
    tasks = f", {failed_tasks} other tasks failed" if failed_tasks else ""
    return (
        f"{s['documents']} documents: {s['ok']} ok, {s['warned']} warned, "
        f"{s['failed']} failed{tasks}; {s['sections']} sections, "
        f"{s['paragraphs']} paragraphs, {s['actions']} actions, "
        f"{s['indicators']} indicators, {s['footnotes']} footnotes; {s['links']} links; "
        f"{s['findings']} findings; {result.computed} tasks run, {result.cached} from the "
        f"cache; in {result.seconds:.1f} s"
    )


def _run_json(result: RunResult) -> bytes:
    payload = {
        "summary": result.summary(),
        "documents": [
            {
                "id": o.id,
                "file": o.file,
                "status": o.status,
                "message": o.message,
                "warnings": o.warnings,
                **o.counts,
            }
            for o in result.outcomes
        ],
        "tasks": result.tasks,
        "warnings": result.warnings,
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
