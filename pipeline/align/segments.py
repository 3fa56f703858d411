"""Sentences inside linked units: the segments a translation memory is made of."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.align.lexicon import Lexicon
from pipeline.align.sentences import align_sentences, split_sentences
from pipeline.align.units import Alignment, texts_of
from pipeline.languages import table

# Unit kinds whose linked texts are aligned sentence by sentence.
SENTENCE_KINDS = {
    "section",
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
    a: list[str]  # the unit uids on each side
    b: list[str]
    label: str  # "[0, 1]:[0]": sentence indices inside the units
    cert: float


@dataclass
class Segment:
    """One translation unit of the memory: aligned sentences, with where they come from."""

    id: str
    units: str
    a: str
    b: str


def align_unit_sentences(
    result: Alignment, lexicon: Lexicon
) -> tuple[list[SentenceLink], list[Segment]]:
    texts_a, texts_b = texts_of(result.a), texts_of(result.b)
    lang_a, lang_b = result.a.meta.language, result.b.meta.language
    joiner_a, joiner_b = table(lang_a).joiner, table(lang_b).joiner
    links: list[SentenceLink] = []
    segments: list[Segment] = []
    for link in result.links:
        if link.kind not in SENTENCE_KINDS:
            continue
        a = " ".join(texts_a[u].text for u in link.a if u in texts_a).strip()
        b = " ".join(texts_b[u].text for u in link.b if u in texts_b).strip()
        if not a or not b:
            continue
        sentences_a, sentences_b = split_sentences(a, lang_a), split_sentences(b, lang_b)
        units = f"{' '.join(link.a)} {' '.join(link.b)}"
        for bead in align_sentences(sentences_a, sentences_b, lang_a, lang_b, lexicon):
            label = f"{list(bead.src)}:{list(bead.tgt)}"
            links.append(SentenceLink(link.a, link.b, label, round(bead.score, 3)))
            if bead.src and bead.tgt:
                segments.append(
                    Segment(
                        f"{result.a.id}.{link.a[0]}/{result.b.id}.{link.b[0]}/{len(segments)}",
                        units,
                        joiner_a.join(sentences_a[i] for i in bead.src),
                        joiner_b.join(sentences_b[j] for j in bead.tgt),
                    )
                )
    return links, segments
