"""One concept written several ways: findings within a document and across documents.

A concept is anything whose forms should agree: a glossary entry (受害者, 受害人), a pattern
(缔约国第N届会议, 第N届缔约国会议), a pair of homophones (制定, 制订). Within a document, every
unit that uses a form other than the document's usual one is reported; across documents, a
document whose usual form is not the corpus's usual one is reported once, with the split named
when it follows the conventions or the years of the documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from pipeline.model import Document, Metadata
from pipeline.model.findings import Finding
from pipeline.terminology.occurrences import Occurrence

SHOWN_UNITS = 4  # xml:ids listed in a message before "…"
_NO_META = Metadata()


@dataclass(frozen=True)
class Concept:
    label: str  # how messages name it: "survey (勘查)"
    preference: tuple[str, ...] = ()  # keys in order of preference, to break ties

    def rank(self, key: str) -> int:
        return self.preference.index(key) if key in self.preference else len(self.preference)


@dataclass(frozen=True)
class Checks:
    within: str  # check name for a document that mixes forms
    across: str  # check name for documents that differ
    severity: str = "warning"  # of `within`; `across` is always info


def concept_findings(
    concept: Concept, occurrences: list[Occurrence], checks: Checks, documents: dict[str, Document]
) -> list[Finding]:
    counted = [o for o in occurrences if not o.in_title]
    by_doc: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in counted:
        by_doc[occurrence.doc].append(occurrence)
    usual = {doc: usual_key(concept, found) for doc, found in by_doc.items()}
    findings = []
    for doc, found in sorted(by_doc.items()):
        findings += _within(concept, found, usual[doc], checks)
    findings += _across(concept, by_doc, usual, checks, documents)
    return findings


def usual_key(concept: Concept, occurrences: list[Occurrence]) -> str:
    return most_used(concept, _units_by_key(occurrences))


def most_used(concept: Concept, units: dict[str, list[str]]) -> str:
    """The key most units use; a tie goes to the preferred form, then the first in order."""
    return min(units, key=lambda k: (-len(units[k]), concept.rank(k), k))


def _units_by_key(occurrences: list[Occurrence]) -> dict[str, list[str]]:
    """The units using each key, each once, in order."""
    units: dict[str, dict[str, None]] = defaultdict(dict)
    for o in occurrences:
        units[o.key][o.unit] = None
    return {key: list(found) for key, found in units.items()}


def _written(occurrences: list[Occurrence], key: str) -> str:
    """The most frequent way the key is written."""
    return Counter(o.form for o in occurrences if o.key == key).most_common(1)[0][0]


def _within(concept: Concept, found: list[Occurrence], usual: str, checks: Checks) -> list[Finding]:
    units = _units_by_key(found)
    if len(units) < 2:
        return []
    usual_form = _written(found, usual)
    where = _units(units[usual])
    findings, seen = [], set()
    for o in found:
        if o.key == usual or (o.unit, o.key) in seen:
            continue
        seen.add((o.unit, o.key))
        message = (
            f"{concept.label}: {o.form} here, while this document writes {usual_form} "
            f"in {_count(len(units[usual]))} ({where})"
        )
        findings.append(
            Finding(o.doc, o.unit, checks.within, checks.severity, message, o.form, o.context)
        )
    return findings


def _across(
    concept: Concept,
    by_doc: dict[str, list[Occurrence]],
    usual: dict[str, str],
    checks: Checks,
    documents: dict[str, Document],
) -> list[Finding]:
    docs_by_key: dict[str, list[str]] = defaultdict(list)
    for doc, key in sorted(usual.items()):
        docs_by_key[key].append(doc)
    if len(docs_by_key) < 2:
        return []
    units = {doc: len({o.unit for o in by_doc[doc] if o.key == usual[doc]}) for doc in usual}
    reference = min(
        docs_by_key,
        key=lambda k: (
            -len(docs_by_key[k]),
            concept.rank(k),
            -sum(units[d] for d in docs_by_key[k]),
            k,
        ),
    )
    written = {
        key: _written([o for d in docs for o in by_doc[d]], key)
        for key, docs in docs_by_key.items()
    }
    split = _split(docs_by_key, written, documents)
    findings = []
    for key, docs in docs_by_key.items():
        if key == reference:
            continue
        for doc in docs:
            first = next(o for o in by_doc[doc] if o.key == key)
            message = (
                f"{concept.label}: this document writes {written[key]} "
                f"({_count(units[doc])}), {written[reference]} in "
                f"{', '.join(docs_by_key[reference])}{split}"
            )
            findings.append(
                Finding(doc, first.unit, checks.across, "info", message, first.form, first.context)
            )
    return findings


def _split(
    docs_by_key: dict[str, list[str]], written: dict[str, str], documents: dict[str, Document]
) -> str:
    """'; differs by convention (APMBC: 受害者; CCM: 受害人)' when the forms follow the
    conventions of the documents, or their years (ranges that do not overlap); else ''."""
    labels = _by_convention(docs_by_key, documents) or _by_year(docs_by_key, documents)
    if not labels:
        return ""
    name, labels = labels
    parts = "; ".join(f"{labels[k]}: {written[k]}" for k in sorted(labels, key=labels.get))
    return f"; differs by {name} ({parts})"


def _by_convention(docs_by_key, documents):
    groups = {
        key: {_meta(documents, d).convention for d in docs} for key, docs in docs_by_key.items()
    }
    if any(len(g) != 1 or None in g for g in groups.values()):
        return None
    labels = {key: next(iter(g)) for key, g in groups.items()}
    return ("convention", labels) if len(set(labels.values())) == len(labels) else None


def _by_year(docs_by_key, documents):
    years = {
        key: sorted(_year(_meta(documents, d)) or "" for d in docs)
        for key, docs in docs_by_key.items()
    }
    if any("" in ys for ys in years.values()):
        return None
    ranges = sorted((ys[0], ys[-1]) for ys in years.values())
    if any(earlier[1] >= later[0] for earlier, later in pairwise(ranges)):
        return None
    return "year", {
        key: ys[0] if ys[0] == ys[-1] else f"{ys[0]}–{ys[-1]}" for key, ys in years.items()
    }


def _meta(documents: dict[str, Document], doc_id: str):
    doc = documents.get(doc_id)
    return doc.meta if doc else _NO_META


def _year(meta) -> str | None:
    return meta.date[:4] if meta.date else None


def _units(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_UNITS])
    return shown + (f", … {len(ids) - SHOWN_UNITS} more" if len(ids) > SHOWN_UNITS else "")


def _count(units: int) -> str:
    return f"{units} unit" + ("" if units == 1 else "s")
