"""Sentences inside linked units: the sentence links, and the segments a translation memory
is made of.

The sentences are each unit's own, as `pipeline.model.segmentation` numbers them and the TEI
marks them (`<s xml:id="<unit>.s2">`): a link of two units on one side aligns the first's
sentences followed by the second's.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.align.encoder import DocumentVectors, Encoder
from pipeline.align.lexicon import Lexicon
from pipeline.align.sentences import SETTINGS, align_sentences
from pipeline.align.units import Alignment
from pipeline.languages import table
from pipeline.model.segmentation import sentence_id, unit_sentences

# Unit kinds whose linked texts are aligned sentence by sentence.
SENTENCE_KINDS = {
    "section",
    "chapter",
    "article",
    "paragraph",
    "action",
    "item",
    "subitem",
    "indicator",
    "restatement",
    "footnote",
    "document-note",
    "override",
}


@dataclass
class SentenceLink:
    a: list[str]  # the sentences' uids on each side (`<unit uid>.s1`), none for a 0–1 bead
    b: list[str]
    units: tuple[list[str], list[str]]  # the unit uids of the link on each side
    label: str  # "[0, 1]:[0]": sentence indices inside the units, counted on through them
    cert: float


@dataclass
class Segment:
    """One translation unit of the memory: aligned sentences, with where they come from."""

    id: str
    units: str
    a: str
    b: str


def align_unit_sentences(
    result: Alignment, lexicon: Lexicon, encoder: Encoder | None = None
) -> tuple[list[SentenceLink], list[Segment]]:
    """The sentences of each linked pair of units aligned by `align_sentences`, with the
    sentence vectors (when an encoder is given) computed once per document."""
    sentences_a, sentences_b = unit_sentences(result.a), unit_sentences(result.b)
    if encoder is not None:
        encoder = DocumentVectors(
            encoder,
            [[t for ts in sides.values() for t in ts] for sides in (sentences_a, sentences_b)],
        )
    lang_a, lang_b = result.a.meta.language, result.b.meta.language
    joiner_a, joiner_b = table(lang_a).joiner, table(lang_b).joiner
    links: list[SentenceLink] = []
    segments: list[Segment] = []
    for link in result.links:
        if link.kind not in SENTENCE_KINDS:
            continue
        side_a, side_b = _side(sentences_a, link.a), _side(sentences_b, link.b)
        if not side_a or not side_b:
            continue
        texts_a, texts_b = [text for _, text in side_a], [text for _, text in side_b]
        units = f"{' '.join(link.a)} {' '.join(link.b)}"
        beads = align_sentences(texts_a, texts_b, lang_a, lang_b, lexicon, SETTINGS, encoder)
        for bead in beads:
            label = bead.label
            links.append(
                SentenceLink(
                    [side_a[i][0] for i in bead.src],
                    [side_b[j][0] for j in bead.tgt],
                    (link.a, link.b),
                    label,
                    round(bead.score, 3),
                )
            )
            if bead.src and bead.tgt:
                segments.append(
                    Segment(
                        f"{result.a.id}.{link.a[0]}/{result.b.id}.{link.b[0]}/{len(segments)}",
                        units,
                        joiner_a.join(texts_a[i] for i in bead.src),
                        joiner_b.join(texts_b[j] for j in bead.tgt),
                    )
                )
    return links, segments


def _side(sentences: dict[str, list[str]], uids: list[str]) -> list[tuple[str, str]]:
    """The sentences of the units, in order: (sentence uid, text)."""
    return [
        (sentence_id(uid, k), text) for uid in uids for k, text in enumerate(sentences.get(uid, []))
    ]
