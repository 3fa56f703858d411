"""Sentence alignment at scale: time and peak memory of `align_sentences` on long pairs built
from real text, and how they grow with the length (issue 15: linear; 5,000 × 6,000 sentences
under 30 s and 500 MB).

A pair is a run of real translated pieces, one after another on both sides: the UN Charter
(../shared/real/charter, split into sentences by `split_sentences`) and the six mac-dev
chapters (../shared/mac-dev, one sentence a line, GPL data), all read where they are, never
copied. Pieces are taken in turn from the two (the Charter again and again, the chapters one
after another, round and round), each time from the one that keeps the pair's ratio of
target to source sentences nearest the one asked, until the source side has its sentences:
about N × N for a size `N`, about N × M for `NxM`.

Each size runs in a fresh process (`--child`), so that its peak memory is its own: the lexicon
(`glossary_lexicon`) is built and the pair read before the clock starts; the figures are the
seconds of `align_sentences` alone, the peak resident memory (`benchmarks.peak_mb`) less the process's
before aligning, and the absolute peak. A size that takes longer than `--timeout` seconds is
stopped and reported as "over N s". Besides: the strict bead F1 on the mac-dev pieces against
their gold (mac-dev's measure: beads with an empty side left out), and how many of the seams
between pieces the beads keep (a correct alignment has a bead boundary at each).

    .venv/bin/python -m benchmarks.sentence_scaling [--sizes 1000,5000,20000,5000x6000]
        [--timeout 300] [--vectors]

`--vectors` aligns with the sentence encoder as well (`pipeline.align.encoder`), as
`planalign sentalign` does unless told `--no-vectors`: its model is loaded before the clock
starts, the vectors (of the sentences and of each two neighbours read together) are computed
inside it, and a forked helper's peak (a long list is encoded half by a helper) is reported
beside the process's.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks import peak_mb

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHARTER = SHARED / "real" / "charter"
MAC_DEV = SHARED / "mac-dev"
SIZES = "1000,5000,20000,5000x6000"
TIMEOUT = 300.0  # seconds a size may take, aligning and setting up
TARGET = (5000, 6000)
TARGET_SECONDS, TARGET_MB = 30.0, 500.0


@dataclass
class Piece:
    """A real text and its translation, as sentences; gold beads where known (mac-dev)."""

    name: str
    src: list[str]
    tgt: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] | None


def pieces() -> tuple[Piece, list[Piece]]:
    """The Charter, and the mac-dev chapters in order."""
    from pipeline.languages import CHINESE, ENGLISH
    from pipeline.languages.splitting import split_sentences

    zh, en = CHARTER / "un-charter.zh.txt", CHARTER / "un-charter.en.txt"
    stems = sorted(p.stem for p in MAC_DEV.glob("*.gold")) if MAC_DEV.is_dir() else []
    if not (zh.is_file() and en.is_file()) or not stems:
        raise FileNotFoundError(f"the Charter ({CHARTER}) or mac-dev ({MAC_DEV}) is missing")
    charter = Piece(
        "charter",
        split_sentences(zh.read_text(encoding="utf-8"), CHINESE.code),
        split_sentences(en.read_text(encoding="utf-8"), ENGLISH.code),
        None,
    )
    chapters = [
        Piece(
            stem,
            (MAC_DEV / f"{stem}.zh").read_text(encoding="utf-8").splitlines(),
            (MAC_DEV / f"{stem}.en").read_text(encoding="utf-8").splitlines(),
            [_bead(line) for line in (MAC_DEV / f"{stem}.gold").read_text().splitlines() if line],
        )
        for stem in stems
    ]
    return charter, chapters


def _bead(line: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    src, tgt = line.split(":")
    return tuple(map(int, re.findall(r"\d+", src))), tuple(map(int, re.findall(r"\d+", tgt)))


def build(n: int, m: int) -> tuple[list[str], list[str], list[tuple[Piece, int, int]]]:
    """About n source and m target sentences: the pieces with where each starts. The last
    piece is a mac-dev chapter, cut after the gold bead that brings the source side to n."""
    charter, chapters = pieces()
    src: list[str] = []
    tgt: list[str] = []
    placed: list[tuple[Piece, int, int]] = []
    k = 0
    while len(src) < n:
        chapter = chapters[k % len(chapters)]
        # The piece that leaves the ratio of target to source nearest m / n.
        piece = min(
            (charter, chapter),
            key=lambda p: abs((len(tgt) + len(p.tgt)) - m / n * (len(src) + len(p.src))),
        )
        if len(src) + len(piece.src) > n:  # the last piece: a chapter, cut
            piece = _cut(chapter, n - len(src))
        k += piece.name == chapter.name
        placed.append((piece, len(src), len(tgt)))
        src += piece.src
        tgt += piece.tgt
    return src, tgt, placed


def _cut(piece: Piece, wanted: int) -> Piece:
    """The piece's first gold beads, up to the one that holds its `wanted`th sentence."""
    assert piece.gold is not None
    beads, i, j = [], 0, 0
    for bead in piece.gold:
        if i >= wanted:
            break
        beads.append(bead)
        i, j = i + len(bead[0]), j + len(bead[1])
    return Piece(piece.name, piece.src[:i], piece.tgt[:j], beads)


def quality(beads, placed: list[tuple[Piece, int, int]]) -> tuple[float | None, int, int]:
    """Strict bead F1 on the mac-dev pieces, and the seams between pieces kept / all."""
    found = {(b.src, b.tgt) for b in beads if b.src and b.tgt}
    gold: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    inside = set()
    for piece, i0, j0 in placed:
        if piece.gold is None:
            continue
        gold |= {
            (tuple(i + i0 for i in s), tuple(j + j0 for j in t)) for s, t in piece.gold if s and t
        }
        inside |= {b for b in found if i0 <= b[0][0] < i0 + len(piece.src)}
    hits = len(gold & inside)
    f1 = 2 * hits / (len(gold) + len(inside)) if gold or inside else None
    cuts, i, j = set(), 0, 0
    for bead in beads:
        i, j = i + len(bead.src), j + len(bead.tgt)
        cuts.add((i, j))
    seams = [(i0, j0) for _, i0, j0 in placed[1:]]
    return f1, sum(seam in cuts for seam in seams), len(seams)


def child(n: int, m: int, vectors: bool) -> dict:
    """One size, in this (fresh) process: the figures as a dict. With `vectors`, the
    sentence encoder too (loaded before the clock starts; the vectors computed inside it)."""
    from pipeline.align.encoder import load_encoder
    from pipeline.align.sentences import align_sentences
    from pipeline.languages import CHINESE, ENGLISH
    from pipeline.terminology import glossary_lexicon

    lexicon = glossary_lexicon()
    encoder = load_encoder() if vectors else None
    if encoder is not None:
        encoder.vectors(["loaded"])
    src, tgt, placed = build(n, m)
    before, helpers_before = peak_mb(), _helpers_mb()
    start = time.perf_counter()
    beads = align_sentences(src, tgt, CHINESE.code, ENGLISH.code, lexicon, encoder=encoder)
    seconds = time.perf_counter() - start
    peak, helpers = peak_mb(), _helpers_mb()
    f1, kept, seams = quality(beads, placed)
    return {
        "src": len(src),
        "tgt": len(tgt),
        "seconds": seconds,
        "peak_mb": peak - before,
        "absolute_mb": peak,
        "baseline_mb": before,
        # The largest child process ended while aligning (loading the encoder runs one).
        "helper_mb": helpers if helpers > helpers_before else 0.0,
        "beads": len(beads),
        "f1": f1,
        "seams_kept": kept,
        "seams": seams,
    }


def _helpers_mb() -> float:
    """The peak of the largest forked helper ended so far (a fork, unlike an exec, starts
    its own count)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: kilobytes


def measure(n: int, m: int, timeout: float, vectors: bool = False) -> dict | None:
    """One size in a fresh process; None when it takes longer than `timeout` seconds."""
    command = [sys.executable, "-m", "benchmarks.sentence_scaling", "--child", f"{n}x{m}"]
    try:
        done = subprocess.run(
            command + (["--vectors"] if vectors else []),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode:
        tail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"sentence scaling {n}x{m} failed (exit {done.returncode}): {tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for item in filter(None, (s.strip() for s in text.split(","))):
        n, _, m = item.lower().partition("x")
        try:
            size = (int(n), int(m or n))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{item!r}: a size is N or NxM") from None
        if min(size) < 1:
            raise argparse.ArgumentTypeError(f"{item!r}: sizes are 1 or more")
        sizes.append(size)
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes")
    return sizes


def report(sizes: list[tuple[int, int]], timeout: float, vectors: bool = False) -> Iterator[str]:
    """A line a size, as each is measured."""
    previous: dict | None = None
    what = f"sentence scaling, {'with' if vectors else 'without'} sentence vectors,"
    for n, m in sizes:
        figures = measure(n, m, timeout, vectors)
        if figures is None:
            yield f"{what} about {n} x {m}: over {timeout:g} s (stopped)"
            previous = None
            continue
        line = (
            f"{what} {figures['src']} x {figures['tgt']}: "
            f"{figures['seconds']:.2f} s, peak {figures['peak_mb']:.0f} MB aligning "
            f"({figures['absolute_mb']:.0f} MB in all{_helper(figures)}); "
            f"mac-dev parts F1 {_f1(figures['f1'])}, seams kept "
            f"{figures['seams_kept']}/{figures['seams']}"
        )
        if previous and (n, m) != TARGET:
            size = (figures["src"] + figures["tgt"]) / (previous["src"] + previous["tgt"])
            line += (
                f"; from the size before: sentences x{size:.1f}, "
                f"time x{figures['seconds'] / previous['seconds']:.1f}, "
                f"memory x{figures['peak_mb'] / max(previous['peak_mb'], 1.0):.1f}"
            )
        if (n, m) == TARGET:
            fast = figures["seconds"] < TARGET_SECONDS
            small = figures["absolute_mb"] < TARGET_MB
            line += (
                f"; target under {TARGET_SECONDS:g} s: {'yes' if fast else 'no'}, "
                f"under {TARGET_MB:g} MB: {'yes' if small else 'no'}"
            )
        else:
            previous = figures
        yield line


def _helper(figures: dict) -> str:
    """The peak of the encoder's forked helper, if one ran."""
    return f", its helper {figures['helper_mb']:.0f} MB" if figures["helper_mb"] else ""


def _f1(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def run(folder: Path, sizes: str = SIZES, timeout: float = TIMEOUT) -> list[str]:
    """`make bench`'s lines: with the sentence vectors, as `sentalign` aligns, and without
    (`sentalign --no-vectors`)."""
    return [
        *report(parse_sizes(sizes), timeout, vectors=True),
        *report(parse_sizes(sizes), timeout, vectors=False),
    ]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sentence_scaling")
    parser.add_argument("--sizes", type=parse_sizes, default=parse_sizes(SIZES))
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per size")
    parser.add_argument(
        "--vectors", action="store_true", help="with the sentence encoder (pipeline.align.encoder)"
    )
    parser.add_argument("--child", type=parse_sizes, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child[0], args.vectors)))
        return
    for line in report(args.sizes, args.timeout, args.vectors):
        print(line, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
