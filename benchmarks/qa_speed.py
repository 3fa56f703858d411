"""QA speed: `planalign check` over a generated 100-document corpus, against a target of 10 s.

The corpus is the five seeds sixteen times over and ten language pairs made of the bilingual
test fixtures (each pair tied by `translation_of`), under varied ids in a temporary folder.
The figure is the whole check as a user runs it: `planalign check --root` in a fresh process
(imports, lexicon and jieba loading, reading the manifest, extracting the documents,
aligning the pairs, running every check, writing the report). Beside it, the same in this
process once everything is loaded (best of three), and the checks alone (documents and
alignments ready); the ratio says what the checks add to reading and aligning.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import best_of
from pipeline.align.lexicon import Lexicon
from pipeline.corpus.inputs import corpus_inputs, translations
from pipeline.corpus.manifest import load_manifest
from pipeline.qa import load_glossary, run_checks
from pipeline.terminology import glossary_lexicon

ROOT = Path(__file__).resolve().parent.parent
SEED_COPIES, PAIRS = 16, 10
FIXTURE_PAIRS = [
    ("tests/fixtures/bilingual/plan-en.txt", "tests/fixtures/bilingual/plan-zh.txt"),
    ("tests/fixtures/qa/numbers-en.txt", "tests/fixtures/qa/numbers-zh.txt"),
]


def generate(folder: Path) -> Path:
    """A project folder whose corpus/ holds 100 documents and their manifest."""
    corpus = folder / "qa-bench" / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    tables = []
    for entry in load_manifest(ROOT / "corpus" / "manifest.toml"):
        for copy in range(SEED_COPIES):
            name = f"{entry.id}-{copy:02d}.txt"
            shutil.copy(ROOT / "corpus" / entry.file, corpus / name)
            tables.append(_table(f"{entry.id}-{copy:02d}", name, entry.lang))
    for pair in range(PAIRS):
        en, zh = FIXTURE_PAIRS[pair % len(FIXTURE_PAIRS)]
        en_id, zh_id = f"pair-{pair:02d}-en", f"pair-{pair:02d}-zh"
        shutil.copy(ROOT / en, corpus / f"{en_id}.txt")
        shutil.copy(ROOT / zh, corpus / f"{zh_id}.txt")
        tables += [
            _table(en_id, f"{en_id}.txt", "en"),
            _table(zh_id, f"{zh_id}.txt", "zh", f'translation_of = "{en_id}"\n'),
        ]
    (corpus / "manifest.toml").write_text("\n".join(tables), encoding="utf-8")
    return corpus.parent


def _table(doc_id: str, file: str, lang: str, extra: str = "") -> str:
    return (
        f'[[document]]\nid = "{doc_id}"\nfile = "{file}"\nlang = "{lang}"\n'
        f'convention = "APMBC"\nkind = "action-plan"\ntitle = "{doc_id}"\n{extra}'
    )


def whole_check(root: Path, lexicon: Lexicon) -> int:
    inputs = corpus_inputs(root)
    pairs = translations(inputs.documents, root, False, lexicon)
    return len(run_checks(inputs.documents, pairs, load_glossary(None), lexicon))


def command(root: Path, report: Path) -> float:
    """Seconds `planalign check` takes in a fresh process."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "check",
            "--root",
            str(root),
            "--to",
            "json",
            "-o",
            str(report),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def run(folder: Path) -> list[str]:
    root = generate(folder)
    cold = command(root, folder / "qa-bench.json")
    lexicon = glossary_lexicon()  # what a caller builds once
    findings = whole_check(root, lexicon)
    warm = best_of(lambda: whole_check(root, lexicon))
    inputs = corpus_inputs(root)
    pairs = translations(inputs.documents, root, False, lexicon)
    glossary = load_glossary(None)
    checks = best_of(lambda: run_checks(inputs.documents, pairs, glossary, lexicon))
    line = (
        f"qa: check over {len(inputs.documents)} documents ({len(pairs)} language pairs), "
        f"{findings} findings: `planalign check` {cold:.2f} s (target < 10 s); loaded: "
        f"{warm:.2f} s, the checks alone {checks:.2f} s (ratio {checks / warm:.2f})"
    )
    return [line]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(run(Path(tmp))))
