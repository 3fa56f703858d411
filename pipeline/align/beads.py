"""The bead dynamic programme: the one search behind the unit and the sentence aligners.

Two sequences, x[0:n] and y[0:m], are cut into beads: a bead takes the next `a` items of x
and the next `b` of y (a, b >= 0, not both 0); a 1–0 or 0–1 bead leaves an item unaligned.
The caller names the bead shapes (a, b) and says, a row at a time, what each is worth where
it ends: `gains(i, lo, hi)` is an array (shape, column) of the gains of the beads ending at
(i, j) for lo <= j <= hi, -inf where one cannot end. With best(0, 0) = 0,

    best(i, j) = max over shapes (a, b) of  best(i - a, j - b) + gain(a, b, i, j),

and the path is read back from (n, m) to (0, 0). A row's cells are filled from the rows
before by whole-array operations, one shape after the other; its 0–1 beads, which chain
along the row, by one running maximum after them.

Invariants:
- every item of x and of y is in exactly one bead, and the beads keep both orders;
- the path found maximises the sum of its gains among the paths inside the band: row i is
  searched at the columns `bands[i] = (lo, hi)` only, and a cell outside the band, or one no
  bead reaches, takes no part;
- ties are broken by order: a later shape replaces an earlier one only when it is better by
  more than `tie`, and a 0–1 bead only when it is strictly better, so the same inputs always
  give the same path;
- row 0's band starts at 0, the band of each row reaches the band of the row before
  (lo_i <= hi_{i-1}) and the last row's holds m, so that (n, m) is reachable from (0, 0);
- the only shape with no x item is (0, 1).

Time and memory grow with the number of cells searched: n·m with every row's band whole,
about n times the band's width otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

PathBead = tuple[tuple[int, ...], tuple[int, ...], float]  # x indices, y indices, gain


RowGains = Callable[[int, int, int], np.ndarray]


def best_path(
    n: int,
    m: int,
    shapes: Sequence[tuple[int, int]],
    bands: Sequence[tuple[int, int]],
    gains: RowGains,
    tie: float = 0.0,
) -> list[PathBead]:
    """The best path when `gains(i, lo, hi)` gives, for row i, an array of shape
    (len(shapes), hi - lo + 1): the gain of each bead shape ending at (i, j) for j in lo..hi,
    -inf where it cannot end there. A shape with no x item must be (0, 1)."""
    if any(a == 0 and b != 1 for a, b in shapes):
        raise ValueError("the only bead without an x item is (0, 1)")
    skip = shapes.index((0, 1)) if (0, 1) in shapes else None
    best: list[np.ndarray] = []
    back: list[np.ndarray] = []
    for i in range(n + 1):
        lo, hi = bands[i]
        row_gains = gains(i, lo, hi)
        top = np.full(hi - lo + 1, -math.inf)
        arg = np.full(hi - lo + 1, -1, dtype=np.int8)
        if i == 0:
            top[0] = 0.0  # the start, (0, 0): row 0's band begins at 0
        for s, (a, b) in enumerate(shapes):
            if a == 0 or a > i:
                continue
            candidate = _columns(best[i - a], bands[i - a], lo - b, hi - b) + row_gains[s]
            better = candidate > top + tie
            top[better] = candidate[better]
            arg[better] = s
        if skip is not None:
            _chain_skips(top, arg, row_gains[skip], skip)
        best.append(top)
        back.append(arg)
    return _read_back(n, m, shapes, bands, back, best)


def _columns(row: np.ndarray, band: tuple[int, int], first: int, last: int) -> np.ndarray:
    """The values of `row` (held for the columns of `band`) at columns first..last, -inf
    outside the band."""
    out = np.full(last - first + 1, -math.inf)
    lo, hi = max(first, band[0]), min(last, band[1])
    if lo <= hi:
        out[lo - first : hi - first + 1] = row[lo - band[0] : hi - band[0] + 1]
    return out


def _chain_skips(top: np.ndarray, arg: np.ndarray, gain: np.ndarray, skip: int) -> None:
    """best[j] = max(top[j], best[j - 1] + gain[j]) along the row, in place: with G the
    running sum of the gains, best[j] - G[j] is the running maximum of top[k] - G[k]."""
    if len(top) < 2:
        return
    steps = np.concatenate(([0.0], gain[1:]))
    running = np.cumsum(steps)
    shifted = top - running
    peak = np.maximum.accumulate(shifted)
    chained = peak > shifted  # an earlier column, reached through 0-1 beads, is better
    top[chained] = peak[chained] + running[chained]
    arg[chained] = skip


def _read_back(
    n: int,
    m: int,
    shapes: Sequence[tuple[int, int]],
    bands: Sequence[tuple[int, int]],
    back: list[np.ndarray],
    best: list[np.ndarray],
) -> list[PathBead]:
    steps: list[PathBead] = []
    i, j = n, m
    while i or j:
        lo = bands[i][0]
        s = int(back[i][j - lo])
        if s < 0:
            raise ValueError(f"no path reaches ({i}, {j}) inside the bands")
        a, b = shapes[s]
        gain = float(best[i][j - lo] - _value(best, bands, i - a, j - b))
        steps.append((tuple(range(i - a, i)), tuple(range(j - b, j)), gain))
        i, j = i - a, j - b
    return steps[::-1]


def _value(best: list[np.ndarray], bands: Sequence[tuple[int, int]], i: int, j: int) -> float:
    return float(best[i][j - bands[i][0]])
