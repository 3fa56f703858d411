"""Two language versions of one document: unit links, sentence links and TM segments."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.align.encoder import Encoder
from pipeline.align.lexicon import Lexicon
from pipeline.align.overrides import Override
from pipeline.align.segments import Segment, SentenceLink, align_unit_sentences
from pipeline.align.units import Alignment, align_documents, apply_overrides
from pipeline.model import Document


@dataclass
class Translation:
    alignment: Alignment
    sentences: list[SentenceLink]
    segments: list[Segment]

    @property
    def name(self) -> str:
        return f"{self.alignment.a.id}__{self.alignment.b.id}"

    @property
    def source_lang(self) -> str:
        """The original's language: what CAT tools take as the memory's source."""
        a, b = self.alignment.a.meta, self.alignment.b.meta
        if a.original_language in (a.language, b.language):
            return a.original_language
        return (
            b.original_language if b.original_language in (a.language, b.language) else (a.language)
        )


def align_translation(
    a: Document,
    b: Document,
    lexicon: Lexicon,
    overrides: list[Override] | None = None,
    encoder: Encoder | None = None,
) -> Translation:
    """Units linked, the human decisions applied, the sentences of linked units aligned
    (by their vectors too when an encoder is given)."""
    alignment = align_documents(a, b, lexicon)
    apply_overrides(alignment, overrides or [])
    sentences, segments = align_unit_sentences(alignment, lexicon, encoder)
    return Translation(alignment, sentences, segments)
