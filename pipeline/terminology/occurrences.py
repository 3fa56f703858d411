"""Where a form occurs: document, unit (xml:id), the form as written, and its surroundings.

A document is searched as one string (its units joined), so each form costs one scan per
document however many units it has. The front matter (no xml:id) is left out. A form inside
a cited title (《关于履行和完成第 5 条清除地雷义务的思考和谅解》) is marked: the title's wording
is the cited document's, not something a translator can harmonise.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from pipeline.languages import CHINESE
from pipeline.languages.zh import CITED_TITLE
from pipeline.model import Document
from pipeline.model.findings import FRONT, context, xml_id
from pipeline.terminology.forms import zh_key
from pipeline.terminology.matching import ChineseMatcher, Match

SEPARATOR = "\n"
CONTEXT = 20  # characters shown on each side of a form


@dataclass(frozen=True, order=True)
class Occurrence:
    doc: str
    unit: str  # file-qualified xml:id
    form: str  # as written in the text
    key: str  # what is compared (see forms.zh_key)
    start: int = 0  # offsets in the document's joined text
    end: int = 0
    in_title: bool = False
    source: DocumentText | None = field(default=None, compare=False, repr=False)

    @property
    def context(self) -> str:
        """The form with some of its surroundings (worked out only for findings)."""
        return self.source.context(self.start, self.end) if self.source else self.form


class DocumentText:
    """A document's units joined into one string, with the way back from offsets to units."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.units: list[str] = []
        self.starts: list[int] = []
        parts, at = [], 0
        for uid, text in doc.texts():
            if uid == FRONT or not text.text:
                continue
            self.units.append(xml_id(doc, uid))
            self.starts.append(at)
            parts.append(text.text.replace(SEPARATOR, " "))
            at += len(text.text) + len(SEPARATOR)
        self.text = SEPARATOR.join(parts)
        self._titles = [(m.start(), m.end()) for m in CITED_TITLE.finditer(self.text)]
        self._matched: tuple[ChineseMatcher, list[Match]] | None = None

    def unit_at(self, offset: int) -> str:
        return self.units[self._index(offset)]

    def context(self, start: int, end: int) -> str:
        """text[start:end] with some of its surroundings, within the units it is in."""
        first = self.text.rfind(SEPARATOR, 0, start) + 1
        last = self.text.find(SEPARATOR, end)
        lines = self.text[first : len(self.text) if last == -1 else last]
        return context(lines, start - first, end - first, CONTEXT)

    def in_title(self, start: int, end: int) -> bool:
        """Inside a cited title that is more than the form itself."""
        i = bisect.bisect_right(self._titles, (start, len(self.text))) - 1
        if i < 0:
            return False
        t_start, t_end = self._titles[i]
        return t_start < start and end < t_end and not (t_start + 1 == start and end + 1 == t_end)

    def matches(self, matcher: ChineseMatcher) -> list[Match]:
        """The glossary's forms in the text (worked out once per matcher)."""
        if self._matched is None or self._matched[0] is not matcher:
            self._matched = (matcher, matcher.find(self.text))
        return self._matched[1]

    def unit_text(self, offset: int) -> tuple[str, int]:
        """The text of the unit at `offset`, and where that unit starts."""
        start = self.starts[self._index(offset)]
        end = self.text.find(SEPARATOR, start)
        return self.text[start : len(self.text) if end == -1 else end], start

    def _index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def occurrence(self, start: int, end: int, key: str) -> Occurrence:
        return Occurrence(
            self.doc.id,
            self.unit_at(start),
            self.text[start:end],
            key,
            start,
            end,
            self.in_title(start, end),
            self,
        )


def chinese_texts(documents: list[Document]) -> list[DocumentText]:
    """The Chinese documents, each as one searchable string."""
    return [DocumentText(doc) for doc in documents if doc.meta.language == CHINESE.code]


def glossary_occurrences(
    texts: list[DocumentText], matcher: ChineseMatcher
) -> dict[int, list[Occurrence]]:
    """Every glossary form in every document, by entry index."""
    found: dict[int, list[Occurrence]] = {}
    for text in texts:
        for match in text.matches(matcher):
            found.setdefault(match.entry, []).append(
                text.occurrence(match.start, match.end, zh_key(match.form))
            )
    return found
