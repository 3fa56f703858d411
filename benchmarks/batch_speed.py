"""Batch speed: `planalign corpus` over generated corpora of 50, 200 and 500 documents.

Each block of ten documents mixes languages and formats: three Chinese seed texts, two
Chinese seed PDFs and one English PDF (rendered by tests/pdfgen.py), an English/Chinese
translation pair (the bilingual fixture) and a chain of two English plans (the chain
fixture). Every document is distinct: texts end with their own line, PDFs carry their own
symbol and job number. Each size runs as the whole command in a fresh process (start-up,
lexicon loading and all), with `--force` into an empty output, with 1 and with 2 jobs; and
the run with nothing changed, on the largest corpus and on the real corpus/ (best of 3).

    .venv/bin/python -m benchmarks.batch_speed
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen

from pipeline.extract import extract_file
from pipeline.readers.text import read_text

SIZES = (50, 200, 500)
JOBS = (1, 2)
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
ENGLISH = sorted((ROOT / "tests" / "fixtures" / "en").glob("*.txt"))
PAIR = ROOT / "tests" / "fixtures" / "bilingual"
CHAIN = ROOT / "tests" / "fixtures" / "chain"

PoolDocument = tuple[str, str, str, str]  # id, file, lang, extra manifest lines


def make_pool(folder: Path, count: int) -> list[PoolDocument]:
    """`count` distinct documents in `folder`, in blocks of ten; their manifest entries."""
    entries: list[PoolDocument] = []
    for block in range(count // 10):
        n = block * 10
        for k in range(3):
            entries.append(_text(folder, SEEDS[(block * 3 + k) % len(SEEDS)], f"zh-{n + k}", "zh"))
        for k in range(2):
            entries.append(
                _pdf(folder, SEEDS[(block * 2 + k) % len(SEEDS)], f"zhpdf-{n + k}", "zh", n + 3 + k)
            )
        entries.append(_pdf(folder, ENGLISH[block % len(ENGLISH)], f"enpdf-{n}", "en", n + 5))
        entries.append(_text(folder, PAIR / "plan-en.txt", f"pair-{n}-en", "en"))
        entries.append(
            _text(
                folder,
                PAIR / "plan-zh.txt",
                f"pair-{n}-zh",
                "zh",
                f'translation_of = "pair-{n}-en"\n',
            )
        )
        entries.append(
            _text(folder, CHAIN / "plan-a.txt", f"chain-{n}-a", "en", f'plan = "chain-{n}-a"\n')
        )
        entries.append(
            _text(
                folder,
                CHAIN / "plan-b.txt",
                f"chain-{n}-b",
                "en",
                f'plan = "chain-{n}-b"\nfollows = "chain-{n}-a"\n',
            )
        )
    return entries


def _text(folder: Path, source: Path, doc_id: str, lang: str, extra: str = "") -> PoolDocument:
    marker = f"（批量测试 {doc_id}）" if lang == "zh" else f"(Batch test copy {doc_id}.)"
    text = source.read_text(encoding="utf-8-sig").rstrip("\n") + f"\n\n{marker}\n"
    (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return doc_id, f"{doc_id}.txt", lang, extra


_models: dict[Path, tuple] = {}


def _pdf(folder: Path, source: Path, doc_id: str, lang: str, number: int) -> PoolDocument:
    if source not in _models:
        style = pdfgen.guess_action_style([line.text for line in read_text(source).lines])
        _models[source] = extract_file(source, doc_id, lang), style
    doc, style = _models[source]
    letter = "C" if lang == "zh" else "E"
    pdfgen.render(
        doc,
        folder / f"{doc_id}.pdf",
        symbol=f"PLANALIGN/TEST/BENCH/{number}",
        job_number=f"GE.00-{number:05d} ({letter})",
        action_style=style,
    )
    return doc_id, f"{doc_id}.pdf", lang, ""


def make_project(root: Path, pool: Path, entries: list[PoolDocument]) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    for _, file, _, _ in entries:
        os.link(pool / file, corpus / file)
    (corpus / "manifest.toml").write_text(
        "".join(
            f'[[document]]\nid = "{doc_id}"\nfile = "{file}"\nlang = "{lang}"\n'
            f'convention = "APMBC"\nkind = "action-plan"\ntitle = "Bench {doc_id}"\n{extra}\n'
            for doc_id, file, lang, extra in entries
        ),
        encoding="utf-8",
    )
    return root


def timed_run(root: Path, *options: str) -> float:
    """Wall-clock seconds of the whole command, in a fresh process."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "corpus", "--root", str(root), *options],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def run(folder: Path) -> list[str]:
    pool = folder / "batch-pool"
    pool.mkdir()
    started = time.perf_counter()
    entries = make_pool(pool, max(SIZES))
    generated = (
        f"batch: generated {len(entries)} documents in "
        f"{time.perf_counter() - started:.0f} s; per 10: 3 zh texts, 2 zh PDFs, "
        "1 en PDF, a zh/en translation pair, a chain of 2 en plans"
    )
    report = [generated]
    real = _real_rerun(folder)  # first: it also leaves Python's bytecode cache warm
    seconds: dict[tuple[int, int], float] = {}
    for size in SIZES:
        for jobs in JOBS:
            root = make_project(folder / f"batch-{size}-{jobs}", pool, entries[:size])
            seconds[size, jobs] = timed_run(root, "--force", "--jobs", str(jobs))
        report.append(_rates(size, seconds))
    report.append(
        f"batch: no-change re-run of {max(SIZES)} documents: "
        f"{timed_run(root):.2f} s; of the real corpus: {real:.2f} s "
        "(target < 1 s; whole command)"
    )
    return report


def _rates(size: int, seconds: dict[tuple[int, int], float]) -> str:
    """Documents per second over the whole command; and, from the size before, per
    document added (start-up and lexicon loading left out)."""
    line = f"batch: {size} documents, whole command:"
    for jobs in JOBS:
        line += f" {jobs} job{'s' if jobs > 1 else ''} {size / seconds[size, jobs]:.1f} docs/s,"
    line += f" 2 jobs {seconds[size, 1] / seconds[size, 2]:.2f}x"
    smaller = [s for s in SIZES if s < size]
    if smaller:
        added = size - smaller[-1]
        rates = [added / max(seconds[size, j] - seconds[smaller[-1], j], 1e-9) for j in JOBS]
        line += f"; per document added since {smaller[-1]}: " + ", ".join(
            f"{rate:.1f} docs/s ({j} job{'s' if j > 1 else ''})"
            for rate, j in zip(rates, JOBS, strict=True)
        )
    return line


def _real_rerun(folder: Path) -> float:
    root = folder / "batch-real"
    shutil.copytree(ROOT / "corpus", root / "corpus")
    timed_run(root)
    return min(timed_run(root) for _ in range(3))


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="planalign-bench-") as temp:
        print("\n".join(run(Path(temp))))
