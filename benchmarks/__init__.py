"""Benchmarks behind `make bench`: each compares with a reference run in the same command."""

import math
import resource
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


def fastest_pair(
    ours: Callable[[], object], reference: Callable[[], object], times: int
) -> tuple[float, float]:
    """The fastest of `times` runs of each, in seconds, taken in turns: a disturbance of the
    machine then falls on both alike rather than on whichever ran during it."""
    best = [math.inf, math.inf]
    for _ in range(times):
        for slot, run in enumerate((ours, reference)):
            start = time.perf_counter()
            run()
            best[slot] = min(best[slot], time.perf_counter() - start)
    return best[0], best[1]


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
