"""`corpus/manifest.toml`: one `[[document]]` table per file (keys in README.md, "Corpus manifest").

Any error names the manifest line it is about and stops the run.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from pipeline.errors import ManifestError
from pipeline.languages import LANGUAGES

REQUIRED = ("id", "file", "lang", "convention", "kind", "title")
OPTIONAL = ("date", "symbol", "translation_of", "plan", "follows")
# Ids become xml:ids, which must start with a letter.
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ManifestEntry:
    id: str
    file: str
    lang: str
    convention: str
    kind: str
    title: str
    date: str | None = None
    symbol: str | None = None
    translation_of: str | None = None
    plan: str | None = None
    follows: str | None = None
    line: int = 0  # the line of its [[document]] header

    def metadata(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "line"}


MANIFEST = "manifest.toml"


def corpus_entries(corpus: Path) -> list[ManifestEntry]:
    """The entries of `corpus`/manifest.toml; none when the corpus has no manifest."""
    path = corpus / MANIFEST
    return load_manifest(path, f"corpus/{MANIFEST}") if path.exists() else []


def load_manifest(path: Path, display: str | None = None) -> list[ManifestEntry]:
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ManifestError(name, f"cannot read the manifest: {err}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"line (\d+)", str(err))
        raise ManifestError(
            name, f"not valid TOML: {err}", line=int(match.group(1)) if match else None
        ) from None
    lines = text.splitlines()
    unknown = sorted(set(data) - {"document"})
    if unknown:
        raise ManifestError(
            name,
            f"unknown top-level key {unknown[0]!r}; expected [[document]] tables",
            line=_key_line(lines, 0, None, unknown[0]),
        )
    tables = data.get("document", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        line = next(
            (
                no
                for no, text_line in enumerate(lines, 1)
                if re.match(r"^\s*(\[\s*document\s*\]|document\s*=)", text_line)
            ),
            None,
        )
        raise ManifestError(name, "'document' must be an array of tables: [[document]]", line=line)
    starts = _table_lines(lines)
    entries = [_entry(name, table, starts, index, lines) for index, table in enumerate(tables)]
    _check_references(name, entries, lines, starts)
    return entries


def _table_lines(lines: list[str]) -> list[int]:
    return [no for no, line in enumerate(lines, 1) if re.match(r"^\s*\[\[\s*document\s*\]\]", line)]


def _key_line(lines: list[str], start: int, end: int | None, key: str) -> int:
    for no in range(start, end if end is not None else len(lines)):
        if re.match(rf"^\s*{re.escape(key)}\s*=", lines[no]):
            return no + 1
    return start if start else 1


def _entry(
    name: str, table: dict, starts: list[int], index: int, lines: list[str]
) -> ManifestEntry:
    start = starts[index] if index < len(starts) else 1
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
    for check in (_known_keys, _string_values, _id_and_lang, _date, _plan_keys, _file):
        problem = check(table)
        if problem is not None:
            message, key = problem
            line = _key_line(lines, start, end, key) if key else start
            raise ManifestError(name, message, line=line)
    return ManifestEntry(**table, line=start)


Problem = tuple[str, str | None] | None  # what is wrong, and the key it is about


def _known_keys(table: dict) -> Problem:
    for key in table:
        if key not in REQUIRED + OPTIONAL:
            return f"unknown key {key!r} (known: {', '.join(REQUIRED + OPTIONAL)})", key
    for key in REQUIRED:
        if key not in table:
            return f"document without required key {key!r}", None
    return None


def _string_values(table: dict) -> Problem:
    for key, value in table.items():
        if key == "date" and type(value) is date:  # an unquoted TOML date: 2019-09-30
            table[key] = value = value.isoformat()
        if not isinstance(value, str) or not value.strip():
            return f"{key!r} must be a non-empty string", key
    return None


def _id_and_lang(table: dict) -> Problem:
    if not ID_PATTERN.match(table["id"]):
        return f"id {table['id']!r} must match [a-z][a-z0-9-]* (it becomes an xml:id)", "id"
    if table["lang"] not in LANGUAGES:
        return f"lang {table['lang']!r} is not one of {', '.join(LANGUAGES)}", "lang"
    return None


def _date(table: dict) -> Problem:
    if "date" not in table:
        return None
    try:
        if not DATE_PATTERN.match(table["date"]):  # fromisoformat also takes 20190930
            raise ValueError
        date.fromisoformat(table["date"])
    except ValueError:
        return f"date {table['date']!r} is not a YYYY-MM-DD date", "date"
    return None


def _plan_keys(table: dict) -> Problem:
    for key in ("plan", "follows"):
        if key in table and not KEY_PATTERN.match(table[key]):
            return f"{key} {table[key]!r} must match [a-z][a-z0-9-]*", key
    return None


def _file(table: dict) -> Problem:
    if Path(table["file"]).is_absolute() or ".." in Path(table["file"]).parts:
        return f"file {table['file']!r} must be a path under corpus/", "file"
    return None


def _check_references(
    name: str, entries: list[ManifestEntry], lines: list[str], starts: list[int]
) -> None:
    seen: dict[str, ManifestEntry] = {}
    files: dict[str, ManifestEntry] = {}
    for entry in entries:
        if entry.id in seen:
            raise ManifestError(
                name,
                f"duplicate id {entry.id!r} (first at line {seen[entry.id].line})",
                line=entry.line,
            )
        if entry.file in files:
            raise ManifestError(
                name,
                f"file {entry.file!r} listed twice (first at line {files[entry.file].line})",
                line=entry.line,
            )
        seen[entry.id] = entry
        files[entry.file] = entry
    for entry in entries:
        if entry.translation_of and entry.translation_of not in seen:
            end = _next_start(starts, entry.line)
            raise ManifestError(
                name,
                f"translation_of {entry.translation_of!r} names no document",
                line=_key_line(lines, entry.line, end, "translation_of"),
            )


def _next_start(starts: list[int], line: int) -> int | None:
    later = [s - 1 for s in starts if s > line]
    return later[0] if later else None
