"""The bead dynamic programme (`pipeline.align.beads`) against its stated invariants, on
small random instances searched exhaustively."""

from __future__ import annotations

import random
from functools import cache

import numpy as np
import pytest

from pipeline.align.beads import banded_path, best_path

SHAPES = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))


def scorer(seed: int):
    """Random gains per bead (shape and end cell), fixed by the seed."""
    rng = random.Random(seed)
    table: dict[tuple[int, int, int, int], float] = {}

    def gain(a: int, b: int, i: int, j: int) -> float:
        key = (a, b, i, j)
        if key not in table:
            table[key] = rng.uniform(-1, 1) if a and b else -0.1 * (a + b)
        return table[key]

    def moves(i: int, j: int):
        return [(a, b, gain(a, b, i, j)) for a, b in SHAPES if a <= i and b <= j]

    return moves, gain


def exhaustive(n: int, m: int, gain) -> float:
    """The best sum of gains over every path, tried one by one."""

    @cache
    def best(i: int, j: int) -> float:
        if i == j == 0:
            return 0.0
        options = [best(i - a, j - b) + gain(a, b, i, j) for a, b in SHAPES if a <= i and b <= j]
        return max(options)

    return best(n, m)


@pytest.mark.parametrize("seed", range(30))
def test_optimal_and_covering(seed):
    n, m = random.Random(seed).randint(0, 7), random.Random(seed + 100).randint(0, 7)
    moves, gain = scorer(seed)
    steps = best_path(n, m, moves)
    assert [i for xs, _, _ in steps for i in xs] == list(range(n))  # each x once, in order
    assert [j for _, ys, _ in steps for j in ys] == list(range(m))
    assert all(xs or ys for xs, ys, _ in steps)
    total = sum(g for _, _, g in steps)
    assert total == pytest.approx(exhaustive(n, m, gain))
    ends_i = ends_j = 0
    for xs, ys, g in steps:  # each step reports the gain of its bead at its end cell
        ends_i, ends_j = ends_i + len(xs), ends_j + len(ys)
        assert g == gain(len(xs), len(ys), ends_i, ends_j)


def test_ties_go_to_the_first_candidate():
    """1–1 twice or 2–2 once, worth the same: the order of the moves decides."""

    def moves_first_pairs(i, j):
        out = [(1, 1, 0.5)] if i and j else []
        if i >= 2 and j >= 2:
            out.append((2, 2, 1.0))
        return out + [(a, b, -1.0) for a, b in ((1, 0), (0, 1)) if a <= i and b <= j]

    def moves_first_merge(i, j):
        return list(reversed(moves_first_pairs(i, j)))

    pairs = [(xs, ys) for xs, ys, _ in best_path(2, 2, moves_first_pairs)]
    merged = [(xs, ys) for xs, ys, _ in best_path(2, 2, moves_first_merge)]
    assert pairs == [((0,), (0,)), ((1,), (1,))]
    assert merged == [((0, 1), (0, 1))]
    assert [len(s[0]) for s in best_path(2, 2, moves_first_merge, tie=0.1)] == [2]


def test_the_band_bounds_the_search():
    """Outside its band a cell takes no part: a path the band leaves out is not found."""
    seen = set()

    def moves(i, j):
        seen.add((i, j))
        diagonal = 1.0 if i == j else -1.0
        return [(a, b, diagonal if a and b else -0.5) for a, b in SHAPES if a <= i and b <= j]

    bands = [(max(0, i - 1), min(5, i + 1)) for i in range(5)] + [(4, 5)]
    steps = best_path(5, 5, moves, bands)
    assert [(xs, ys) for xs, ys, _ in steps] == [((k,), (k,)) for k in range(5)]
    assert all(abs(i - j) <= 1 for i, j in seen)


# The same programme with gains given a row at a time as arrays (`banded_path`).


def row_gains(gain, m: int):
    """`gain` as banded_path asks for it: per row, an array (shape, column), -inf where the
    shape cannot end."""

    def gains(i: int, lo: int, hi: int) -> np.ndarray:
        out = np.full((len(SHAPES), hi - lo + 1), -np.inf)
        for s, (a, b) in enumerate(SHAPES):
            for j in range(max(lo, b), hi + 1):
                if a <= i:
                    out[s, j - lo] = gain(a, b, i, j)
        return out

    return gains


@pytest.mark.parametrize("seed", range(30))
def test_banded_path_is_optimal_and_covering(seed):
    n, m = random.Random(seed).randint(0, 7), random.Random(seed + 100).randint(0, 7)
    _, gain = scorer(seed)
    steps = banded_path(n, m, SHAPES, [(0, m)] * (n + 1), row_gains(gain, m))
    assert [i for xs, _, _ in steps for i in xs] == list(range(n))
    assert [j for _, ys, _ in steps for j in ys] == list(range(m))
    assert sum(g for _, _, g in steps) == pytest.approx(exhaustive(n, m, gain))
    ends_i = ends_j = 0
    for xs, ys, g in steps:
        ends_i, ends_j = ends_i + len(xs), ends_j + len(ys)
        assert g == pytest.approx(gain(len(xs), len(ys), ends_i, ends_j))


@pytest.mark.parametrize("seed", range(10))
def test_banded_path_agrees_with_best_path_inside_bands(seed):
    """Both programmes, given the same band, find paths worth the same."""
    rng = random.Random(seed)
    n, m = rng.randint(3, 12), rng.randint(3, 12)
    moves, gain = scorer(seed)  # one table of gains for both
    bands = []
    for i in range(n + 1):
        centre = round(i * m / n)
        lo, hi = max(0, centre - 2), min(m, centre + 2)
        lo = 0 if i == 0 else min(lo, bands[-1][1])
        bands.append((lo, m if i == n else max(hi, bands[-1][1] if bands else hi)))
    expected = sum(g for _, _, g in best_path(n, m, moves, bands))
    found = banded_path(n, m, SHAPES, bands, row_gains(gain, m))
    assert sum(g for _, _, g in found) == pytest.approx(expected)


def test_banded_path_chains_skips_inside_a_row():
    """0-1 beads chain along a row: from (0, 0), the first row's cells are reached by skips
    alone, and a path that must leave targets out finds them."""
    gains = row_gains(lambda a, b, i, j: 1.0 if (a, b) == (1, 1) and j == 3 else -0.1, 3)
    steps = banded_path(1, 3, SHAPES, [(0, 3), (0, 3)], gains)
    assert [(xs, ys) for xs, ys, _ in steps] == [((), (0,)), ((), (1,)), ((0,), (2,))]


def test_banded_path_refuses_beads_without_source_but_one_target():
    with pytest.raises(ValueError, match="without an x item"):
        banded_path(1, 1, ((1, 1), (0, 2)), [(0, 1), (0, 1)], lambda i, lo, hi: None)
