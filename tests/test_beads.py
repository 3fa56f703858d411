"""The bead dynamic programme (`pipeline.align.beads`) against its stated invariants, on
small random instances searched exhaustively."""

from __future__ import annotations

import random
from functools import cache

import numpy as np
import pytest

from pipeline.align.beads import best_path

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

    return gain


def row_gains(gain, shapes=SHAPES):
    """`gain(a, b, i, j)` as the programme asks for it: per row, an array (shape, column),
    -inf where the shape cannot end."""

    def gains(i: int, lo: int, hi: int) -> np.ndarray:
        out = np.full((len(shapes), hi - lo + 1), -np.inf)
        for s, (a, b) in enumerate(shapes):
            for j in range(max(lo, b), hi + 1) if a <= i else ():
                out[s, j - lo] = gain(a, b, i, j)
        return out

    return gains


def whole(n: int, m: int) -> list[tuple[int, int]]:
    return [(0, m)] * (n + 1)


def exhaustive(n: int, m: int, gain, bands=None) -> float:
    """The best sum of gains over every path (inside the bands), tried one by one."""

    @cache
    def best(i: int, j: int) -> float:
        if i == j == 0:
            return 0.0
        if bands is not None and not bands[i][0] <= j <= bands[i][1]:
            return -np.inf
        options = [best(i - a, j - b) + gain(a, b, i, j) for a, b in SHAPES if a <= i and b <= j]
        return max(options)

    return best(n, m)


@pytest.mark.parametrize("seed", range(30))
def test_optimal_and_covering(seed):
    n, m = random.Random(seed).randint(0, 7), random.Random(seed + 100).randint(0, 7)
    gain = scorer(seed)
    steps = best_path(n, m, SHAPES, whole(n, m), row_gains(gain))
    assert [i for xs, _, _ in steps for i in xs] == list(range(n))  # each x once, in order
    assert [j for _, ys, _ in steps for j in ys] == list(range(m))
    assert all(xs or ys for xs, ys, _ in steps)
    total = sum(g for _, _, g in steps)
    assert total == pytest.approx(exhaustive(n, m, gain))
    ends_i = ends_j = 0
    for xs, ys, g in steps:  # each step reports the gain of its bead at its end cell
        ends_i, ends_j = ends_i + len(xs), ends_j + len(ys)
        assert g == pytest.approx(gain(len(xs), len(ys), ends_i, ends_j))


@pytest.mark.parametrize("seed", range(10))
def test_optimal_inside_bands(seed):
    """With bands around the diagonal, the best of the paths that stay inside them."""
    rng = random.Random(seed)
    n, m = rng.randint(3, 12), rng.randint(3, 12)
    gain = scorer(seed)
    bands: list[tuple[int, int]] = []
    for i in range(n + 1):
        centre = round(i * m / n)
        lo = 0 if i == 0 else min(max(0, centre - 2), bands[-1][1])
        hi = m if i == n else max(min(m, centre + 2), bands[-1][1] if bands else 0)
        bands.append((lo, hi))
    steps = best_path(n, m, SHAPES, bands, row_gains(gain))
    assert sum(g for _, _, g in steps) == pytest.approx(exhaustive(n, m, gain, bands))
    i = j = 0
    for xs, ys, _ in steps:
        i, j = i + len(xs), j + len(ys)
        assert bands[i][0] <= j <= bands[i][1]


def test_ties_go_to_the_first_shape():
    """1–1 twice or 2–2 once, worth the same: the order of the shapes decides."""

    def gain(a, b, i, j):
        return {(1, 1): 0.5, (2, 2): 1.0}.get((a, b), -1.0)

    pairs_first = ((1, 1), (2, 2), (1, 0), (0, 1))
    merge_first = ((2, 2), (1, 1), (1, 0), (0, 1))

    def beads(shapes, tie=0.0):
        steps = best_path(2, 2, shapes, whole(2, 2), row_gains(gain, shapes), tie)
        return [(xs, ys) for xs, ys, _ in steps]

    assert beads(pairs_first) == [((0,), (0,)), ((1,), (1,))]
    assert beads(merge_first) == [((0, 1), (0, 1))]
    assert beads(merge_first, tie=0.1) == [((0, 1), (0, 1))]


def test_the_band_bounds_the_search():
    """Outside its band a cell takes no part: a path the band leaves out is not found."""
    seen = set()

    def gain(a, b, i, j):
        seen.add((i, j))
        return (1.0 if i == j else -1.0) if a and b else -0.5

    bands = [(max(0, i - 1), min(5, i + 1)) for i in range(5)] + [(4, 5)]
    steps = best_path(5, 5, SHAPES, bands, row_gains(gain))
    assert [(xs, ys) for xs, ys, _ in steps] == [((k,), (k,)) for k in range(5)]
    assert all(abs(i - j) <= 1 for i, j in seen)


def test_skips_chain_along_a_row():
    """0-1 beads chain along a row: the first row's cells are reached by skips alone, and a
    path that must leave targets out finds them."""
    gains = row_gains(lambda a, b, i, j: 1.0 if (a, b) == (1, 1) and j == 3 else -0.1)
    steps = best_path(1, 3, SHAPES, whole(1, 3), gains)
    assert [(xs, ys) for xs, ys, _ in steps] == [((), (0,)), ((), (1,)), ((0,), (2,))]


def test_the_only_shape_without_x_is_zero_one():
    with pytest.raises(ValueError, match="without an x item"):
        best_path(1, 1, ((1, 1), (0, 2)), whole(1, 1), lambda i, lo, hi: None)
