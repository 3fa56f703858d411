"""What the batch run's stages hand back: small, picklable, cheap to import.

A `Product` is everything one task made: the files it writes (path under the project folder
→ bytes), counts for the summary, log lines, and `payload`, the pickled model objects a
later stage needs (a `Document`, a `Translation`). Keeping the payload pickled lets a run
that finds everything in the cache skip loading the document model altogether.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class Outcome:
    """One document's fate, as run.json and the log report it."""

    id: str
    file: str
    status: str  # ok | warned | failed
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Product:
    files: dict[str, bytes] = field(default_factory=dict)
    outcome: Outcome | None = None  # extraction only
    counts: dict[str, int] = field(default_factory=dict)  # links, findings
    log: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what a reader must see
    payload: bytes | None = None
    failed: str = ""  # a task that could not be done: why (never cached)

    def load(self):
        """The payload's objects."""
        return pickle.loads(self.payload) if self.payload is not None else None


class Job(Protocol):
    """What the executor runs: `run()` makes the task's product; `failure(message)` is the
    product of a task that could not be done (its worker died, a bug)."""

    def run(self) -> Product: ...

    def failure(self, message: str) -> Product: ...


def failed_document(doc_id: str, file: str, message: str, *, retry: bool = False) -> Product:
    """A document that failed. Because of what it is (unreadable, not a plan): a result like
    any other, cached (the same bytes fail the same way). With `retry` (a bug, a dead worker)
    `failed` is set too, so it is not cached and the next run tries again."""
    return Product(
        outcome=Outcome(doc_id, file, "failed", message), failed=message if retry else ""
    )


def pack(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
