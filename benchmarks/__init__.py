"""Benchmarks behind `make bench`: each compares with a reference run in the same command."""

import resource
import statistics
import time
from collections.abc import Callable


def best_of(run, times: int = 3) -> float:
    """The fastest of a few runs, in seconds: the least disturbed by a noisy machine."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def rounds_in_turn(
    ours: Callable[[], object], reference: Callable[[], object], times: int
) -> list[tuple[float, float]]:
    """`times` rounds of a run of each, one after the other, in seconds: a disturbance of
    the machine then falls on both alike rather than on whichever ran during it."""
    rounds = []
    for _ in range(times):
        timed = []
        for run in (ours, reference):
            start = time.perf_counter()
            run()
            timed.append(time.perf_counter() - start)
        rounds.append((timed[0], timed[1]))
    return rounds


def fastest(rounds: list[tuple[float, float]]) -> tuple[float, float]:
    """The fastest run of each of `rounds_in_turn`'s two."""
    return min(ours for ours, _ in rounds), min(reference for _, reference in rounds)


def median_ratio(rounds: list[tuple[float, float]]) -> float:
    """The median, over `rounds_in_turn`'s rounds, of the reference's time over ours: each
    round's two runs met the same machine, which the two fastest runs of all need not have."""
    return statistics.median(reference / ours for ours, reference in rounds)


def peak_mb() -> float:
    """This process's peak resident memory, in MB. Linux's `ru_maxrss` survives `exec`, so a
    fresh interpreter started by a large one would report its parent's peak: the kernel's
    high-water mark of this process's own memory (VmHWM) is read instead where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes
