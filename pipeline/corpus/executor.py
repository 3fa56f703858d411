"""Where the batch run's tasks run: one small interface, three backends.

    executor.map_unordered(fn, items, meanwhile=None) -> iterator of (index into items, result)

Results come back as tasks finish, in any order; the runner files them by index, so what
it writes never depends on that order. `meanwhile`, if given, is called in this process
once the tasks are under way: work of the caller's own that can overlap theirs, and that
only (the serial backend, with nothing to overlap, never calls it; the caller does that work
when it needs it). A task whose worker died, or whose result could not be brought
back, yields a `TaskError` instead of a result: it fails alone. `fn` must be a module-level
function (it is pickled by reference for the process and Dask backends).

- `serial`: in this process, one task after another (`--jobs 1`).
- `process`: a local process pool (`--jobs N`).
- `dask`: a Dask cluster (`--executor dask --scheduler ADDR`); needs the `dask` extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pipeline.errors import InputError

Finished = tuple[int, Any]  # (index into items, result or TaskError)
Meanwhile = Callable[[], None] | None


@dataclass
class TaskError:
    """A task that did not come back: its worker crashed, or its result was lost."""

    message: str


class Executor(Protocol):
    name: str

    def map_unordered(
        self, fn: Callable[[Any], Any], items: Sequence[Any], meanwhile: Meanwhile = None
    ) -> Iterator[Finished]: ...

    def close(self) -> None: ...


class SerialExecutor:
    name = "serial"

    def map_unordered(
        self, fn: Callable[[Any], Any], items: Sequence[Any], meanwhile: Meanwhile = None
    ) -> Iterator[Finished]:
        for index, item in enumerate(items):  # `meanwhile` would overlap nothing
            yield index, fn(item)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A pool of `jobs` processes for each call, forked from this process as it is then:
    workers start at once, with whatever it has imported and loaded so far.

    If a worker dies (a crash in a native library, the out-of-memory killer), the pool is
    lost with every task in it; those tasks are then run again one at a time, each in a
    fresh one-process pool, so only the task that really kills its worker fails."""

    name = "process"

    def __init__(self, jobs: int):
        self.jobs = jobs

    def map_unordered(
        self, fn: Callable[[Any], Any], items: Sequence[Any], meanwhile: Meanwhile = None
    ) -> Iterator[Finished]:
        if not items:
            return
        lost = yield from _through_pool(fn, list(enumerate(items)), self.jobs, meanwhile)
        for index, item in lost:
            again = yield from _through_pool(fn, [(index, item)], 1)
            for index, _ in again:
                yield index, TaskError("its worker process died (a crash, or out of memory)")

    def close(self) -> None:
        pass


def _through_pool(fn, numbered: list[tuple[int, Any]], workers: int, meanwhile: Meanwhile = None):
    """Run the tasks in a new pool; yield what finished, return the tasks a broken pool lost."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(min(workers, len(numbered)), mp_context=context)
    lost = []
    try:
        futures = {pool.submit(fn, item): (index, item) for index, item in numbered}
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            index, item = futures[future]
            try:
                yield index, future.result()
            except BrokenProcessPool:
                lost.append((index, item))
            except Exception as err:  # noqa: BLE001 - e.g. a result that cannot be pickled
                yield index, TaskError(f"{type(err).__name__}: {err}")
    finally:  # also when the caller stops early (Ctrl-C): drop the tasks not started
        pool.shutdown(wait=True, cancel_futures=True)
    return sorted(lost, key=lambda pair: pair[0])


class DaskExecutor:
    """Tasks sent to the Dask scheduler at `address`; its workers must be able to import
    `pipeline` and read the corpus folder under the same path (a shared file system)."""

    name = "dask"

    def __init__(self, address: str):
        try:
            from dask.distributed import Client
        except ImportError:
            raise InputError(
                "--executor dask", "needs the dask extra: pip install 'planalign[dask]'"
            ) from None
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as err:
            raise InputError(f"dask scheduler {address}", f"cannot connect: {err}") from None

    def map_unordered(
        self, fn: Callable[[Any], Any], items: Sequence[Any], meanwhile: Meanwhile = None
    ) -> Iterator[Finished]:
        from dask.distributed import as_completed

        futures = {
            self.client.submit(fn, item, pure=False): index for index, item in enumerate(items)
        }
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            try:
                yield futures[future], future.result()
            except Exception as err:  # noqa: BLE001 - a lost worker, a result lost in transit
                yield futures[future], TaskError(f"{type(err).__name__}: {err}")

    def close(self) -> None:
        self.client.close()


def make_executor(kind: str = "local", jobs: int = 1, scheduler: str | None = None) -> Executor:
    """`local` with one job is serial; with more, a process pool. `dask` needs `scheduler`."""
    if kind == "dask":
        if not scheduler:
            raise InputError("--executor dask", "needs --scheduler ADDR (e.g. tcp://host:8786)")
        return DaskExecutor(scheduler)
    if jobs < 1:
        raise InputError("--jobs", f"must be 1 or more, not {jobs}")
    return SerialExecutor() if jobs == 1 else ProcessExecutor(jobs)
