"""Stable identifiers: every alignable unit gets `uid`, the part of its xml:id after the doc id.

Identifiers come from numbers as printed (`p5`, `a12`, `a12.i2`; a treaty's `ch1`, `art111`,
`art2.p3`, `art13.p1.b`) wherever the source has them, and from positions inside their
section otherwise, so an unchanged input always gets the same ids.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.languages.numerals import from_roman
from pipeline.model import Action, Article, Block, Document, Item, Paragraph, Section

_NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")
# Sections whose id says what they are rather than where they stand.
NAMED = {"preamble": "pre", "articles": "arts", "resolution": "res", "operative": "op"}


def assign_ids(doc: Document) -> None:
    taken: dict[str, int] = {}

    def unique(uid: str) -> str:
        uid = _NOT_IN_ID.sub("_", uid)
        times = taken[uid] = taken.get(uid, 0) + 1
        return uid if times == 1 else f"{uid}-{times}"

    _blocks(doc.preamble, "pre", unique)
    counts: Counter[str] = Counter()
    for section in doc.sections:
        if section.kind in NAMED:
            _section(section, unique(NAMED[section.kind]), unique)
            continue
        if section.kind == "chapter" and section.n:
            _section(section, unique(f"ch{from_roman(section.n)}"), unique)
            continue
        prefix = "app" if section.kind == "appendix" else "s"
        counts[prefix] += 1
        _section(section, unique(f"{prefix}{counts[prefix]}"), unique)
    for footnote in doc.footnotes:
        footnote.uid = unique(f"fn{footnote.n}")
    for index, doc_note in enumerate(doc.doc_notes, 1):
        doc_note.uid = unique(f"dn{index}")


def _section(section: Section, uid: str, unique) -> None:
    section.uid = uid
    _blocks(section.blocks, uid, unique)
    for index, sub in enumerate(section.subsections, 1):
        name = NAMED.get(sub.kind, f"ss{index}")
        _section(sub, unique(f"{uid}.{name}"), unique)


def _blocks(blocks: list[Block], container: str, unique) -> None:
    counts: Counter[str] = Counter()
    for block in blocks:
        if isinstance(block, Action):
            _action(block, unique(f"a{block.n}"), unique)
        elif isinstance(block, Article):
            _article(block, unique(f"art{block.n}"), unique)
        elif block.n is not None:
            _paragraph(block, unique(f"p{block.n}"), unique)
        else:
            kind = "g" if block.kind == "group" else "u"
            counts[kind] += 1
            _paragraph(block, unique(f"{container}.{kind}{counts[kind]}"), unique)


def _article(article: Article, uid: str, unique) -> None:
    article.uid = uid
    counts: Counter[str] = Counter()
    for paragraph in article.paragraphs:
        if paragraph.n is not None:
            _paragraph(paragraph, unique(f"{uid}.p{paragraph.n}"), unique)
        else:
            counts["u"] += 1
            _paragraph(paragraph, unique(f"{uid}.u{counts['u']}"), unique)


def _paragraph(paragraph: Paragraph, uid: str, unique) -> None:
    paragraph.uid = uid
    _items(paragraph.items, uid, "i", unique)


def _action(action: Action, uid: str, unique) -> None:
    action.uid = uid
    _items(action.subitems, uid, "b", unique)
    _items(action.indicators, uid, "i", unique, lettered=False)
    by_letter = {item.n: item.uid for item in action.subitems if item.n}
    for index, restatement in enumerate(action.restatements, 1):
        restatement.uid = unique(f"{uid}.r{index}")
        restatement.of_uid = by_letter.get(restatement.of_n, uid) if restatement.of_n else uid


def _items(items: list[Item], parent: str, prefix: str, unique, lettered: bool = True) -> None:
    for index, item in enumerate(items, 1):
        name = item.n if lettered and item.n else f"{prefix}{index}"
        item.uid = unique(f"{parent}.{name}")
