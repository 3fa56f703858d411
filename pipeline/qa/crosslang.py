"""Numbers, dates and article references that differ between linked units of two language
versions.

Each side's numbers come from its language table's `numbers` (第五条 and Article 5 are both
5; dates give day, month and year). Only a number written unmistakably — in digits, or in
words the table's `counted_numbers` knows (Chinese numerals after 第 or before a counter:
条, 款, 年, 个月 …) — is looked for on the other side, and it counts as found in any form
there: "three months" meets 三个月, but 百分比
(percentage) or 万象 (Vientiane) ask nothing of the English. Links a person should review
(low certainty) are skipped: their numbers would compare two different texts. Findings are
on the translation's unit (the second document of the pair).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from pipeline.align.translation import Translation
from pipeline.align.units import Link, texts_of
from pipeline.languages import table
from pipeline.languages.numerals import DIGITS
from pipeline.model import Document
from pipeline.model.findings import Finding, context, xml_id

CHECK = "numbers"


def number_mismatches(translation: Translation) -> list[Finding]:
    alignment = translation.alignment
    a, b = alignment.a, alignment.b
    texts_a, texts_b = _texts(a), _texts(b)
    found = []
    for link in alignment.links:
        if link.review or not link.a or not link.b:
            continue
        text_a = _joined(texts_a, link.a, a.meta.language)
        text_b = _joined(texts_b, link.b, b.meta.language)
        found += _compare(a, b, link, text_a, text_b)
    return found


def _texts(doc: Document) -> dict[str, str]:
    return {uid: text.text for uid, text in texts_of(doc).items()}


def _joined(texts: dict[str, str], uids: list[str], lang: str) -> str:
    return table(lang).joiner.join(texts.get(uid, "") for uid in uids)


def _compare(a: Document, b: Document, link: Link, text_a: str, text_b: str) -> list[Finding]:
    all_a, clear_a = _numbers(text_a, a.meta.language)
    all_b, clear_b = _numbers(text_b, b.meta.language)
    here, there = xml_id(b, link.b[0]), xml_id(a, link.a[0])
    found = []
    for text, clear, other, message in (
        (text_a, clear_a, all_b, lambda shown: f"‘{shown}’ of {there} is missing here"),
        (text_b, clear_b, all_a, lambda shown: f"‘{shown}’ is not in {there}"),
    ):
        for value, (start, end) in clear.items():
            if value not in other:
                found.append(
                    Finding(
                        b.id,
                        here,
                        CHECK,
                        "error",
                        message(text[start:end]),
                        text[start:end],
                        context(text, start, end),
                    )
                )
    return found


def _numbers(text: str, lang: str) -> tuple[set[str], dict[str, tuple[int, int]]]:
    """Every number the text mentions, and those written unmistakably (`_clear_numbers`)."""
    scaled = _scaled(text, lang)
    return table(lang).numbers(text) | set(scaled), _clear_numbers(text, lang, scaled)


def _clear_numbers(
    text: str, lang: str, scaled: dict[str, tuple[int, int]]
) -> dict[str, tuple[int, int]]:
    """Numbers written unmistakably, each with the place it is first written; an amount
    with a scale word (`scaled`) counts as its value."""
    inside = list(scaled.values())
    spans = [
        m.span()
        for m in DIGITS.finditer(text)
        if not any(start <= m.start() < end for start, end in inside)
    ]
    language = table(lang)
    if language.counted_numbers is not None:
        spans += [m.span() for m in language.counted_numbers.finditer(text)]
    found: dict[str, tuple[int, int]] = dict(scaled)
    for start, end in sorted(spans):
        for value in sorted(language.numbers(text[start:end])):
            found.setdefault(value, (start, end))
    return found


def _scaled(text: str, lang: str) -> dict[str, tuple[int, int]]:
    """Amounts written with a scale word: 150万 and 1.5 million are both 1500000."""
    found: dict[str, tuple[int, int]] = {}
    language = table(lang)
    pattern = language.scaled_numbers
    for match in pattern.finditer(text) if pattern else ():
        digits = next(iter(language.numbers(match.group(1))), None)
        try:
            value = Decimal(digits) * language.scales[match.group(2).lower()]  # type: ignore[arg-type]
        except (InvalidOperation, TypeError):
            continue
        found.setdefault(
            f"{value.normalize():f}".rstrip(".") if value % 1 else str(int(value)), match.span()
        )
    return found
