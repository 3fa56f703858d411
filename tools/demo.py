"""`make demo`: the site of `make corpus` built over a small demo corpus, so that every page
kind — a translation pair side by side, a chain of three plans — can be seen without
bringing documents.

The demo corpus is made of the project's own test fixtures, written for the tests (not UN
texts; each title says so): the bilingual plan (English and Chinese), a draft resolution in
both languages, the fixture chain of three plans, the English plans laid out as the real
ones are, and the Chinese restatement fixture. It is built under `output/demo/` (a
project folder of its own: `corpus/`, `output/`, `alignments/`), never in `corpus/`.

    .venv/bin/python -m tools.demo [--root output/demo]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from pipeline.corpus.runner import run_corpus

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LABEL = "written for planalign's tests, not a UN text"

# (id, fixture, lang, kind, title, extra manifest lines)
DOCUMENTS = [
    ("plan-en", "bilingual/plan-en.txt", "en", "action-plan", "Fixture action plan (English)", {}),
    (
        "plan-zh",
        "bilingual/plan-zh.txt",
        "zh",
        "action-plan",
        "Fixture action plan (Chinese)",
        {"translation_of": "plan-en"},
    ),
    (
        "draft-en",
        "resolution/draft-en.txt",
        "en",
        "resolution",
        "Fixture draft resolution (English)",
        {},
    ),
    (
        "draft-zh",
        "resolution/draft-zh.txt",
        "zh",
        "resolution",
        "Fixture draft resolution (Chinese)",
        {"translation_of": "draft-en"},
    ),
    ("chain-a", "chain/plan-a.txt", "en", "action-plan", "First fixture plan", {"plan": "first"}),
    (
        "chain-b",
        "chain/plan-b.txt",
        "en",
        "action-plan",
        "Second fixture plan",
        {"plan": "second", "follows": "first"},
    ),
    (
        "chain-c",
        "chain/plan-c.txt",
        "en",
        "action-plan",
        "Third fixture plan",
        {"plan": "third", "follows": "second"},
    ),
    ("oslo-style", "en/oslo.txt", "en", "action-plan", "Oslo-style fixture plan", {}),
    ("maputo-style", "en/maputo.txt", "en", "action-plan", "Maputo-style fixture plan", {}),
    (
        "dubrovnik-style",
        "en/dubrovnik.txt",
        "en",
        "action-plan",
        "Dubrovnik-style fixture plan",
        {},
    ),
    (
        "vientiane-style",
        "en/vientiane.txt",
        "en",
        "action-plan",
        "Vientiane-style fixture plan",
        {},
    ),
    ("appendix-style", "en/appendix.txt", "en", "action-plan", "Fixture plan with an appendix", {}),
    (
        "restatement-zh",
        "qa/restatement-zh.txt",
        "zh",
        "action-plan",
        "Fixture plan with restatements (Chinese)",
        {},
    ),
]


def manifest() -> str:
    tables = []
    for doc_id, fixture, lang, kind, title, extra in DOCUMENTS:
        lines = [
            "[[document]]",
            f'id = "{doc_id}"',
            f'file = "{fixture.replace("/", "-")}"',
            f'lang = "{lang}"',
            'convention = "APMBC"',
            f'kind = "{kind}"',
            f'title = "{title} — {LABEL}"',
            *(f'{key} = "{value}"' for key, value in extra.items()),
        ]
        tables.append("\n".join(lines))
    head = "# The demo corpus of `make demo`: test fixtures written for planalign's tests.\n\n"
    return head + "\n\n".join(tables) + "\n"


def build(root: Path) -> Path:
    """The demo project at `root`, run; the site's index."""
    corpus = root / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    for _, fixture, *_ in DOCUMENTS:
        shutil.copyfile(FIXTURES / fixture, corpus / fixture.replace("/", "-"))
    (corpus / "manifest.toml").write_text(manifest(), encoding="utf-8")
    result = run_corpus(root, log=lambda line: print(line, file=sys.stderr))
    if result.failures:
        raise SystemExit(1)
    return root / "output" / "site" / "index.html"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT / "output" / "demo")
    index = build(parser.parse_args().root.resolve())
    print(f"open {index.as_uri()}")


if __name__ == "__main__":
    main()
