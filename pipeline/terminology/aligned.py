"""Aligned units of translations, seen from the original: source text, target text, xml:ids.

The source is the original's language (`Metadata.original_language`); when neither version
says, the language UN plans are drafted in (English, the glossary's source language).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.align.translation import Translation
from pipeline.align.units import texts_of
from pipeline.languages import CHINESE, DRAFTING_LANGUAGE, ENGLISH
from pipeline.model import Document
from pipeline.model.findings import xml_id

GLOSSARY_LANGUAGES = {CHINESE.code, ENGLISH.code}


@dataclass(frozen=True)
class AlignedUnit:
    source_lang: str
    source_doc: str
    source_ids: tuple[str, ...]  # file-qualified xml:ids
    source_text: str
    target_doc: str
    target_ids: tuple[str, ...]
    target_text: str

    @property
    def target_unit(self) -> str:
        return self.target_ids[0]

    @property
    def source_unit(self) -> str:
        return self.source_ids[0]

    @property
    def target_lang(self) -> str:
        return next(iter(GLOSSARY_LANGUAGES - {self.source_lang}))


def source_language(a: Document, b: Document) -> str:
    languages = {a.meta.language, b.meta.language}
    for meta in (a.meta, b.meta):
        if meta.original_language in languages:
            return meta.original_language
    return DRAFTING_LANGUAGE


def aligned_units(translations: list[Translation]) -> list[AlignedUnit]:
    """Every link between a Chinese and an English version with text on both sides."""
    units = []
    for translation in translations:
        a, b = translation.alignment.a, translation.alignment.b
        if {a.meta.language, b.meta.language} != GLOSSARY_LANGUAGES:  # Chinese and English
            continue
        source = source_language(a, b)
        texts = {a.id: texts_of(a), b.id: texts_of(b)}
        for link in translation.alignment.links:
            sides = [(a, link.a), (b, link.b)]
            if a.meta.language != source:
                sides.reverse()
            (src, src_uids), (tgt, tgt_uids) = sides
            src_text = _joined(texts[src.id], src_uids)
            tgt_text = _joined(texts[tgt.id], tgt_uids)
            if src_text and tgt_text:
                units.append(
                    AlignedUnit(
                        source,
                        src.id,
                        _ids(src, src_uids),
                        src_text,
                        tgt.id,
                        _ids(tgt, tgt_uids),
                        tgt_text,
                    )
                )
    return units


def _joined(texts: dict, uids: list[str]) -> str:
    return " ".join(texts[u].text for u in uids if u in texts).strip()


def _ids(doc: Document, uids: list[str]) -> tuple[str, ...]:
    return tuple(xml_id(doc, u) for u in uids)
