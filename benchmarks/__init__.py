"""Benchmarks behind `make bench`: each compares with a reference run in the same command."""

import time


def best_of(run, times: int = 3) -> float:
    """The fastest of a few runs, in seconds: the least disturbed by a noisy machine."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
