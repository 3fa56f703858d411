"""Sentence alignment on mac-dev: strict bead F1 (its own score.py) and time.

mac-dev (../shared/mac-dev from the repository root; GPL data, never copied into the repo)
holds six Chinese–English chapters, one sentence a line, with manual gold alignments. Every
pair goes through `planalign sentalign --presplit` (the command's own code, all six in one
fresh process, so the time includes loading the lexicon: CC-CEDICT, jieba), the beads are
written as NNN.align files and scored by mac-dev's score.py; the same run scores the aligner
without sentence vectors, and the length-only aligner (lexical and semantic weights 0, i.e.
Gale–Church), for comparison.

    .venv/bin/python -m benchmarks.macdev
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAC_DEV = ROOT.parent / "shared" / "mac-dev"


def pairs(folder: Path = MAC_DEV) -> list[str]:
    """The NNN stems of mac-dev; a missing folder is an error, never a silent skip."""
    stems = sorted(p.stem for p in folder.glob("*.gold")) if folder.is_dir() else []
    if not stems:
        raise FileNotFoundError(
            f"mac-dev not found at {folder} (expected NNN.zh, NNN.en, NNN.gold and score.py there)"
        )
    return stems


def align_cli(stem: str, folder: Path = MAC_DEV) -> str:
    """`planalign sentalign --presplit NNN.zh NNN.en`, run in this process: its output."""
    from pipeline.cli import main

    with tempfile.TemporaryDirectory(prefix="planalign-macdev-") as scratch:
        out = Path(scratch) / f"{stem}.align"
        status = main(
            ["sentalign", "--presplit", str(folder / f"{stem}.zh"), str(folder / f"{stem}.en")]
            + ["-o", str(out)]
        )
        if status:
            raise RuntimeError(f"sentalign failed on mac-dev {stem} (exit {status})")
        return out.read_text(encoding="utf-8")


def align_with(stem: str, settings, lexicon=None, folder: Path = MAC_DEV) -> str:
    """The beads of `align_sentences` with these settings and no sentence vectors."""
    from pipeline.align.sentences import align_sentences
    from pipeline.writers.sentence_beads import beads_to_text

    src = (folder / f"{stem}.zh").read_text(encoding="utf-8").splitlines()
    tgt = (folder / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    beads = align_sentences(src, tgt, "zh", "en", lexicon, settings)
    return beads_to_text(beads).decode("utf-8")


def write(predictions: dict[str, str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, text in predictions.items():
        (folder / f"{stem}.align").write_text(text, encoding="utf-8")
    return folder


def score(folder: Path, mac_dev: Path = MAC_DEV) -> str:
    """score.py's P/R/F1 line for the NNN.align files in `folder`."""
    done = subprocess.run(
        [sys.executable, str(mac_dev / "score.py"), str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def run(folder: Path) -> list[str]:
    stems = pairs()
    ours = folder / "ours"
    # A fresh process, so that the time includes loading the lexicon whatever ran before.
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "benchmarks.macdev", "--align-into", str(ours)], cwd=ROOT, check=True
    )
    seconds = time.perf_counter() - start
    from pipeline.align.sentences import SentenceSettings
    from pipeline.terminology import glossary_lexicon

    # Gale–Church as it is known: every cell searched (the coarse-to-fine search, guided by
    # lengths alone, finds less: 0.45 against 0.51).
    length_only = SentenceSettings(lexical_weight=0.0, semantic_weight=0.0, whole=10**9)
    baseline = write({stem: align_with(stem, length_only) for stem in stems}, folder / "baseline")
    lexicon = glossary_lexicon()
    lexical = write(
        {stem: align_with(stem, SentenceSettings(), lexicon) for stem in stems}, folder / "lexical"
    )
    ours_line = (
        f"sentalign mac-dev ({len(stems)} pairs, presplit): {score(ours)}; "
        f"{seconds:.2f} s for the whole set in a fresh process, lexicon loading "
        "included (target < 10 s)"
    )
    lexical_line = f"sentalign mac-dev, without sentence vectors: {score(lexical)}"
    baseline_line = f"sentalign mac-dev, length only (Gale–Church, weights 0): {score(baseline)}"
    return [ours_line, lexical_line, baseline_line]


def main(argv: list[str]) -> None:
    if argv[:1] == ["--align-into"]:
        write({stem: align_cli(stem) for stem in pairs()}, Path(argv[1]))
        return
    with tempfile.TemporaryDirectory(prefix="planalign-macdev-") as folder:
        for line in run(Path(folder)):
            print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
