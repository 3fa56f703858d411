"""Errors that name the input they are about, printed as one line and never as a traceback."""

from __future__ import annotations


class InputError(Exception):
    """Unusable input: `path`, and the line (text) or page (PDF) where known."""

    def __init__(self, path: str, message: str, line: int | None = None, page: int | None = None):
        super().__init__(message)
        self.path = str(path)
        self.message = message
        self.line = line
        self.page = page

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.page is not None:
            where += f": page {self.page}"
        return f"{where}: {self.message}"


def internal_error(err: Exception) -> str:
    """How a bug met on one input is told, after the input's name: one line, no traceback."""
    return f"internal error: {type(err).__name__}: {err}"


class ManifestError(InputError):
    """A problem in corpus/manifest.toml; stops the run."""
