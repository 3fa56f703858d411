"""Show that a change left the outputs alone: the same inputs through two versions of the code.

    .venv/bin/python tools/outputs_unchanged.py REV [--keep DIR]

Checks REV out into a temporary work tree and runs both it and the current tree, through the
command line only (the interface that must not change), over the same inputs:

- `planalign corpus` over the seeds (`corpus/`) and over a corpus of every test fixture (a
  translation pair, a chain of plans, the QA and terminology pairs);
- `planalign extract` (TEI and JSON) of every seed and fixture, and of PDFs rendered once
  from them by REV's `tests/pdfgen.py`;
- `planalign align` (TEI, TSV, TMX, JSON), `succession` (TSV, JSON, TEI), `trace`, `check`,
  `glossary` and `sentalign` (the mac-dev pairs of `../shared/mac-dev`, if present).

Every file written and everything printed (stdout, stderr, exit status) is compared byte for
byte; the batch run's cache (`output/.cache/`, keyed by the code itself) is left out. Prints
each difference and exits 1 if there is one, 0 if the two trees are identical.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MAC_DEV = HERE.parent / "shared" / "mac-dev"
FIXTURES = Path("tests/fixtures")

# The fixture corpus: (id, file under tests/fixtures, lang, extra manifest lines).
FIXTURE_CORPUS = (
    ("fx-en", "bilingual/plan-en.txt", "en", ""),
    ("fx-zh", "bilingual/plan-zh.txt", "zh", 'translation_of = "fx-en"'),
    ("fx-a", "chain/plan-a.txt", "en", 'plan = "fx-a"'),
    ("fx-b", "chain/plan-b.txt", "en", 'plan = "fx-b"\nfollows = "fx-a"'),
    ("fx-c", "chain/plan-c.txt", "en", 'plan = "fx-c"\nfollows = "fx-b"'),
    ("n-en", "qa/numbers-en.txt", "en", ""),
    ("n-zh", "qa/numbers-zh.txt", "zh", 'translation_of = "n-en"'),
    ("v-en", "terminology/victims-en.txt", "en", ""),
    ("v-zh", "terminology/victims-zh.txt", "zh", 'translation_of = "v-en"'),
    ("maputo", "en/maputo.txt", "en", 'plan = "maputo"'),
    ("oslo", "en/oslo.txt", "en", 'plan = "oslo"\nfollows = "maputo"'),
    ("vientiane", "en/vientiane.txt", "en", 'plan = "vientiane"'),
    ("dubrovnik", "en/dubrovnik.txt", "en", 'plan = "dubrovnik"\nfollows = "vientiane"'),
    ("appendix", "en/appendix.txt", "en", ""),
)
PAIRS = (
    ("bilingual/plan-en.txt", "bilingual/plan-zh.txt"),
    ("qa/numbers-en.txt", "qa/numbers-zh.txt"),
    ("terminology/victims-en.txt", "terminology/victims-zh.txt"),
)
SUCCESSIONS = (
    ("chain/plan-a.txt", "chain/plan-b.txt"),
    ("chain/plan-b.txt", "chain/plan-c.txt"),
    ("en/maputo.txt", "en/oslo.txt"),
    ("en/vientiane.txt", "en/dubrovnik.txt"),
)
# The actions traced in the fixture corpus: (plan key, action numbers).
TRACED = (
    ("fx-c", range(1, 7)),
    ("oslo", (1, 2)),
    ("maputo", (1, 2, 4)),
    ("dubrovnik", ("4.1", "4.2", "5.1")),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the git revision to compare with, e.g. HEAD~3 or main")
    parser.add_argument("--keep", type=Path, help="leave both output trees in this folder")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="outputs-unchanged-"))
    work.mkdir(parents=True, exist_ok=True)
    before = work / "tree-before"
    if before.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=HERE, check=False)
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(before), args.rev],
        cwd=HERE,
        check=True,
        capture_output=True,
    )
    try:
        pdfs = render_pdfs(before, work / "pdfs")
        with ThreadPoolExecutor(2) as pool:  # the two trees side by side, one core each
            runs = [
                pool.submit(snapshot, tree, pdfs, work / name)
                for tree, name in ((before, "before"), (HERE, "after"))
            ]
            for run in runs:
                run.result()
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(before)], cwd=HERE, check=False)
    differences = compare(work / "before", work / "after")
    for line in differences:
        print(line)
    files = sum(1 for p in (work / "after").rglob("*") if p.is_file())
    print(
        f"{files} files compared: {len(differences) or 'no'} difference(s)"
        + (f" (trees kept in {work})" if args.keep else "")
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if differences else 0


def render_pdfs(tree: Path, out: Path) -> list[Path]:
    """Each seed and English fixture rendered once, by the older tree's generator."""
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted((HERE / "corpus").glob("*.txt")) + sorted(
        (HERE / FIXTURES / "en").glob("*.txt")
    )
    pdfs = []
    for source in sources:
        pdf = out / f"{source.stem}.pdf"
        if not pdf.exists():
            subprocess.run(
                [sys.executable, str(tree / "tests" / "pdfgen.py"), str(source), str(pdf)],
                cwd=tree,
                check=True,
                capture_output=True,
                env=_env(tree),
            )
        pdfs.append(pdf)
    return pdfs


def snapshot(tree: Path, pdfs: list[Path], out: Path) -> None:
    """Everything the command line writes and prints, for the code of `tree`."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    run = _Runner(tree, out)
    seeds = out / "seeds"
    shutil.copytree(HERE / "corpus", seeds / "corpus")
    shutil.copytree(
        HERE / "alignments",
        seeds / "alignments",
        ignore=lambda _, names: [n for n in names if n != "overrides.tsv"],
    )
    run("seeds-corpus", "corpus", "--root", str(seeds), "--jobs", "1")
    fixtures = _fixture_corpus(out / "fixtures")
    run("fixtures-corpus", "corpus", "--root", str(fixtures), "--jobs", "1")
    _extractions(run, pdfs)
    _alignments(run, fixtures)
    _checks(run, seeds)
    for zh in sorted(MAC_DEV.glob("*.zh")):
        en = zh.with_suffix(".en")
        run(f"sentalign/{zh.stem}.presplit", "sentalign", str(zh), str(en), "--presplit")
        run(f"sentalign/{zh.stem}.running", "sentalign", str(zh), str(en))


def _extractions(run: _Runner, pdfs: list[Path]) -> None:
    sources = [
        *sorted((HERE / "corpus").glob("*.txt")),
        *sorted((HERE / FIXTURES).rglob("*.txt")),
        *pdfs,
    ]
    for source in sources:
        name = (
            source.relative_to(HERE).as_posix()
            if source.is_relative_to(HERE)
            else (f"pdf/{source.name}")
        )
        for fmt in ("tei", "json"):
            run(f"extract/{name}.{fmt}", "extract", str(source), "--to", fmt)


def _alignments(run: _Runner, fixtures: Path) -> None:
    fixture = HERE / FIXTURES
    for a, b in PAIRS:
        for fmt in ("tei", "tsv", "tmx", "json"):
            run(
                f"align/{Path(a).stem}.{fmt}",
                "align",
                str(fixture / a),
                str(fixture / b),
                "--to",
                fmt,
            )
    for old, new in SUCCESSIONS:
        for fmt in ("tsv", "json", "tei"):
            run(
                f"succession/{Path(old).stem}-{Path(new).stem}.{fmt}",
                "succession",
                str(fixture / old),
                str(fixture / new),
                "--to",
                fmt,
            )
    for plan, actions in TRACED:
        for action in actions:
            for fmt in ("text", "json", "html"):
                run(
                    f"trace/{plan}-{action}.{fmt}",
                    "trace",
                    str(action),
                    "--plan",
                    plan,
                    "--root",
                    str(fixtures),
                    "--to",
                    fmt,
                )


def _checks(run: _Runner, seeds: Path) -> None:
    fixture = HERE / FIXTURES
    for fmt in ("text", "csv", "json", "html"):
        run(f"check/seeds.{fmt}", "check", "--root", str(seeds), "--to", fmt)
        run(f"check/qa.{fmt}", "check", str(fixture / "qa"), "--to", fmt)
        run(
            f"check/victims.{fmt}",
            "check",
            str(fixture / "terminology/victims-en.txt"),
            str(fixture / "terminology/victims-zh.txt"),
            "--to",
            fmt,
        )
    for fmt in ("tbx", "csv"):
        run(f"glossary/glossary.{fmt}", "glossary", "--to", fmt)


class _Runner:
    """`planalign ARGS` with the code of `tree`; stdout, stderr and status kept under `out`."""

    def __init__(self, tree: Path, out: Path):
        self.tree, self.out, self.cwd = tree, out, out / "cwd"
        (self.cwd / "alignments").mkdir(parents=True)
        shutil.copy(HERE / "alignments" / "overrides.tsv", self.cwd / "alignments")

    def __call__(self, name: str, *args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", *args],
            check=False,
            cwd=self.cwd,
            capture_output=True,
            env=_env(self.tree),
        )
        target = self.out / "printed" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        for stream, printed in (("stdout", done.stdout), ("stderr", done.stderr)):
            printed = _without_timing(printed.replace(str(self.out).encode(), b"$OUT"))
            if stream == "stderr":
                printed += f"exit {done.returncode}\n".encode()
            target.with_name(f"{target.name}.{stream}").write_bytes(printed)


def _without_timing(printed: bytes) -> bytes:
    """The batch run's summary line ends with its time, which varies: cut it off."""
    lines = [
        line.rsplit(b"; in ", 1)[0] if line.endswith(b" s") else line
        for line in printed.split(b"\n")
    ]
    return b"\n".join(lines)


def _fixture_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    shutil.copytree(
        HERE / "alignments",
        root / "alignments",
        ignore=lambda _, names: [n for n in names if n != "overrides.tsv"],
    )
    entries = []
    for doc_id, file, lang, extra in FIXTURE_CORPUS:
        name = file.replace("/", "-")
        shutil.copy(HERE / FIXTURES / file, corpus / name)
        entries.append(
            f'[[document]]\nid = "{doc_id}"\nfile = "{name}"\nlang = "{lang}"\n'
            f'convention = "APMBC"\nkind = "action-plan"\ntitle = "{doc_id}"\n'
            + (extra + "\n" if extra else "")
        )
    (corpus / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    return root


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}


def compare(before: Path, after: Path) -> list[str]:
    """Files only on one side, and files whose bytes differ; the cache left out."""

    def files(root: Path) -> set[str]:
        return {
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and "/.cache/" not in f"/{p.relative_to(root).as_posix()}"
        }

    old, new = files(before), files(after)
    out = [f"only before: {name}" for name in sorted(old - new)]
    out += [f"only after: {name}" for name in sorted(new - old)]
    out += [
        f"differs: {name}"
        for name in sorted(old & new)
        if not filecmp.cmp(before / name, after / name, shallow=False)
    ]
    return out


if __name__ == "__main__":
    sys.exit(main())
