"""The bead dynamic programme: the one search behind the unit and the sentence aligners.

Two sequences, x[0:n] and y[0:m], are cut into beads: a bead takes the next `a` items of x
and the next `b` of y (a, b >= 0, not both 0); a 1–0 or 0–1 bead leaves an item unaligned.
The caller says which beads may end at each cell (i, j) — `moves(i, j)` yields `(a, b, gain)`
with a <= i and b <= j — and what each is worth. With best(0, 0) = 0,

    best(i, j) = max over (a, b, gain) in moves(i, j) of  best(i - a, j - b) + gain,

and the path is read back from (n, m) to (0, 0).

Invariants:
- every item of x and of y is in exactly one bead, and the beads keep both orders;
- the path found maximises the sum of its gains among the paths inside the band: row i is
  searched at the columns `bands[i] = (lo, hi)` only (all of them without bands), and a cell
  outside the band, or one no bead reaches, takes no part;
- ties are broken by order: a later candidate replaces an earlier one only when it is better
  by more than `tie`, so the same inputs always give the same path;
- the band of each row must reach the band of the row before (lo_i <= hi_{i-1}) and the last
  row's must hold m, so that (n, m) is reachable from (0, 0) through skips alone.

Time and memory grow with the number of cells searched: n·m without bands, about n times
the band's width with them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

Move = tuple[int, int, float]  # a, b, gain
PathBead = tuple[tuple[int, ...], tuple[int, ...], float]  # x indices, y indices, gain
Moves = Callable[[int, int], Iterable[Move]]


def best_path(
    n: int, m: int, moves: Moves, bands: Sequence[tuple[int, int]] | None = None, tie: float = 0.0
) -> list[PathBead]:
    """The beads of the best path from (0, 0) to (n, m), in order, each with its gain."""
    best: list[dict[int, float]] = [{} for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int, float]]] = [{} for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        lo, hi = bands[i] if bands is not None else (0, m)
        for j in range(max(lo, 1 if i == 0 else 0), hi + 1):
            top, arg = -math.inf, None
            for a, b, gain in moves(i, j):
                prev = best[i - a].get(j - b)
                if prev is not None and prev + gain > top + tie:
                    top, arg = prev + gain, (a, b, gain)
            if arg is not None:
                best[i][j], back[i][j] = top, arg
    steps: list[PathBead] = []
    i, j = n, m
    while i or j:
        a, b, gain = back[i][j]
        steps.append((tuple(range(i - a, i)), tuple(range(j - b, j)), gain))
        i, j = i - a, j - b
    return steps[::-1]
