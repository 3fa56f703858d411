"""Chinese-only consistency of the glossary's concepts and of a few patterns, no English needed.

- `term-variant`: a document writes one concept in several accepted forms (勘查 and 勘察);
- `term-variant-across`: documents write it differently (受害者, 受害人), with the split named
  when it follows the conventions or the years;
- `term-deprecated`: a form the glossary marks deprecated (休会期间会议).

Phrases (援助受害者 for victim assistance) count as renderings but are not compared. The
patterns are concepts the glossary cannot list form by form: how a numbered Meeting of the
States Parties is written (缔约国第二十二届会议, 第二十二届缔约国会议, 缔约国第十一次会议).
"""

from __future__ import annotations

from pipeline.languages.zh import NUMBER_IN_TERM, TERM_PATTERNS
from pipeline.model import Document
from pipeline.model.findings import Finding
from pipeline.terminology.consistency import Checks, Concept, concept_findings
from pipeline.terminology.forms import zh_key
from pipeline.terminology.glossary import Glossary, GlossaryEntry
from pipeline.terminology.occurrences import DocumentText, Occurrence

VARIANT = Checks("term-variant", "term-variant-across")


def glossary_variant_findings(
    glossary: Glossary, found: dict[int, list[Occurrence]], documents: dict[str, Document]
) -> list[Finding]:
    findings = []
    for index, occurrences in sorted(found.items()):
        entry = glossary.entries[index]
        compared = {zh_key(form) for form in entry.compared}  # zh_key drops title marks
        deprecated = {zh_key(form) for form in entry.deprecated} - compared
        findings += concept_findings(
            _concept(entry), [o for o in occurrences if o.key in compared], VARIANT, documents
        )
        findings += [
            _deprecated(entry, o) for o in occurrences if o.key in deprecated and not o.in_title
        ]
    return findings


def _concept(entry: GlossaryEntry) -> Concept:
    return Concept(entry.label, tuple(dict.fromkeys(zh_key(f) for f in entry.compared)))


def _deprecated(entry: GlossaryEntry, o: Occurrence) -> Finding:
    message = f"{entry.label}: {o.form} is deprecated; the glossary has {entry.chinese}"
    return Finding(o.doc, o.unit, "term-deprecated", "warning", message, o.form, o.context)


def pattern_findings(texts: list[DocumentText], documents: dict[str, Document]) -> list[Finding]:
    findings = []
    for label, pattern in TERM_PATTERNS:
        occurrences = [
            text.occurrence(m.start(), m.end(), NUMBER_IN_TERM.sub("N", m.group()))
            for text in texts
            for m in pattern.finditer(text.text)
        ]
        findings += concept_findings(Concept(label), occurrences, VARIANT, documents)
    return findings
