"""The domain glossary: concepts with their English and Chinese terms, read and written as CSV.

One row (one `GlossaryEntry`) per concept. Columns: `english` and `chinese` (the preferred terms) are
required; the others are optional, several values separated by `;`:

- `variants`: other accepted Chinese renderings of the same term (受害人 for 受害者); using
  several of them in one document is reported;
- `phrases`: wordings that count as rendering the term in running text (援助受害者, a verb
  phrase, for victim assistance) but are not compared for consistency. A form may be in both
  columns: a form listed under `phrases` is never compared;
- `deprecated`: renderings that should not be used (休会期间会议); each use is reported;
- `abbreviations`: English abbreviations and acronyms (ISU, IMAS), known in Chinese text too;
- `english_variants`: other English terms for the concept;
- `pos`: part of speech for TBX (noun unless given); `note`: free text.

The columns `english,chinese,variants,note` come first. `Glossary.term_pairs()` gives the
aligners' lexicon (`pipeline.align.lexicon.build_lexicon`) every Chinese form of every term.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.languages import CHINESE

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.csv"
COLUMNS = (
    "english",
    "chinese",
    "variants",
    "note",
    "phrases",
    "deprecated",
    "abbreviations",
    "english_variants",
    "pos",
)
LIST_COLUMNS = ("variants", "phrases", "deprecated", "abbreviations", "english_variants")
POS_VALUES = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class GlossaryEntry:
    """One concept: its preferred English and Chinese terms and the other forms."""

    english: str
    chinese: str
    variants: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    deprecated: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    english_variants: tuple[str, ...] = ()
    note: str = ""
    pos: str = "noun"
    line: int = 0  # where the entry was read, for messages

    @property
    def label(self) -> str:
        """How a message names the concept: `survey (勘查)`."""
        return f"{self.english} ({self.chinese})"

    @property
    def compared(self) -> tuple[str, ...]:
        """The Chinese forms whose mixing is reported: the preferred term and its variants."""
        return (self.chinese, *(v for v in self.variants if v not in self.phrases))

    @property
    def chinese_forms(self) -> tuple[str, ...]:
        """Every Chinese form that renders the concept, deprecated ones included."""
        return tuple(dict.fromkeys((*self.compared, *self.phrases, *self.deprecated)))

    @property
    def english_forms(self) -> tuple[str, ...]:
        return (self.english, *self.english_variants, *self.abbreviations)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...]
    source: str = ""  # the file it was read from
    latin_terms: frozenset[str] = field(init=False)  # acronyms and Latin forms it knows

    def __post_init__(self) -> None:
        latin = {a for e in self.entries for a in e.abbreviations}
        latin |= {f for e in self.entries for f in e.chinese_forms if LATIN.search(f)}
        object.__setattr__(self, "latin_terms", frozenset(latin))

    @property
    def acronyms(self) -> frozenset[str]:
        return frozenset(a for e in self.entries for a in e.abbreviations)

    def knows_latin(self, word: str) -> bool:
        """Whether a Latin-script word in Chinese text is one the glossary knows (ISU, SDGs)."""
        return word in self.latin_terms or (word.endswith("s") and word[:-1] in self.latin_terms)

    def term_pairs(self) -> list[tuple[str, str]]:
        """(English term in lower case, Chinese form without title marks): every accepted
        form of every entry, deprecated ones included, for the aligners' lexicon."""
        marks = CHINESE.title_marks
        return [
            (entry.english.lower(), chinese.strip(marks))
            for entry in self.entries
            for chinese in entry.chinese_forms
            if chinese.strip(marks)
        ]

    def english_to_chinese(self) -> dict[str, str]:
        """Each English term and abbreviation (as written) with its preferred Chinese term."""
        return {form: e.chinese for e in self.entries for form in e.english_forms}


def load_glossary(path: Path | None = None) -> Glossary:
    """The repo glossary (`path` None) or a user's, CSV or TBX by the file's suffix."""
    path = Path(path) if path is not None else GLOSSARY
    if path.suffix.lower() in (".tbx", ".xml"):
        from pipeline.terminology.tbx import read_tbx  # tbx.py builds on this module

        return read_tbx(path)
    return read_csv(path)


def read_csv(path: Path) -> Glossary:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise InputError(str(path), f"cannot read the glossary: {err.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "the glossary is not UTF-8 text") from None
    return Glossary(tuple(_csv_entries(text, str(path))), str(path))


def _csv_entries(text: str, path: str) -> list[GlossaryEntry]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ("english", "chinese") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"not a glossary: no '{missing[0]}' column in the header", line=1)
    entries: list[GlossaryEntry] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
                continue
            entry = _entry(row, path, line)
            if entry.english.lower() in seen:
                raise InputError(
                    path,
                    f"'{entry.english}' is already an entry (line {seen[entry.english.lower()]})",
                    line=line,
                )
            seen[entry.english.lower()] = line
            entries.append(entry)
    except csv.Error as err:
        raise InputError(path, f"not valid CSV: {err}", line=reader.line_num) from None
    if not entries:
        raise InputError(path, "the glossary has no entries")
    return entries


def _entry(row: dict, path: str, line: int) -> GlossaryEntry:
    def cell(name: str) -> str:
        value = row.get(name)
        return value.strip() if isinstance(value, str) else ""

    if None in row:
        raise InputError(path, "more cells than the header has columns", line=line)
    for name in ("english", "chinese"):
        if not cell(name):
            raise InputError(path, f"the row has no {name} term", line=line)
    pos = cell("pos") or "noun"
    if pos not in POS_VALUES:
        raise InputError(
            path, f"unknown part of speech '{pos}' (one of {', '.join(POS_VALUES)})", line=line
        )
    lists = {name: split_forms(cell(name)) for name in LIST_COLUMNS}
    return make_entry(
        cell("english"), cell("chinese"), note=cell("note"), pos=pos, line=line, **lists
    )


def make_entry(
    english: str,
    chinese: str,
    variants=(),
    phrases=(),
    deprecated=(),
    abbreviations=(),
    english_variants=(),
    note: str = "",
    pos: str = "noun",
    line: int = 0,
) -> GlossaryEntry:
    """An entry with each form once in each field, the preferred term in none of them."""

    def unique(forms) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for f in forms if f and f != chinese))

    return GlossaryEntry(
        english,
        chinese,
        unique(variants),
        unique(phrases),
        unique(deprecated),
        tuple(dict.fromkeys(a for a in abbreviations if a)),
        tuple(dict.fromkeys(v for v in english_variants if v and v != english)),
        note,
        pos,
        line,
    )


def split_forms(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def glossary_to_csv(glossary: Glossary) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in glossary.entries:
        writer.writerow(
            [
                e.english,
                e.chinese,
                ";".join(e.variants),
                e.note,
                ";".join(e.phrases),
                ";".join(e.deprecated),
                ";".join(e.abbreviations),
                ";".join(e.english_variants),
                "" if e.pos == "noun" else e.pos,
            ]
        )
    return out.getvalue().encode("utf-8")
