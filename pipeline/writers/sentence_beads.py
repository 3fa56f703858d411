"""`planalign sentalign`'s outputs: the beads of two lists of sentences, as beads, as a TSV
with both texts, and as the segments of a TMX translation memory (`pipeline.writers.tmx`,
the one TMX writer).

- beads: one a line, `[0, 1]:[0]` (0-based sentence indices, `[]` for an empty side);
- TSV: header `src tgt score src_text tgt_text`, one bead a row: the indices separated by
  commas (empty for none), the score to three places, the sentences of each side joined as
  the language joins them (`table(lang).joiner`), empty for none. A text holding a tab, a
  line break or a double quote is quoted as pandas' and R's tab-separated writers quote it
  (`"…"`, quotes doubled), as `output/units.tsv` is;
- segments: the beads with sentences on both sides (no 1–0 or 0–1), `tuid`
  `<src file>/<tgt file>/<n>` and the bead (`[0, 1]:[0]`) where the aligner of linked units
  puts the units' ids.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from pipeline.align.segments import Segment
from pipeline.align.sentences import Bead
from pipeline.languages import table

TSV_COLUMNS = ("src", "tgt", "score", "src_text", "tgt_text")


def beads_to_text(beads: Sequence[Bead]) -> bytes:
    return "".join(bead.label + "\n" for bead in beads).encode("utf-8")


def beads_to_tsv(
    beads: Sequence[Bead], src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(TSV_COLUMNS)
    for bead, src_text, tgt_text in _texts(beads, src, tgt, src_lang, tgt_lang):
        writer.writerow(
            [
                ",".join(map(str, bead.src)),
                ",".join(map(str, bead.tgt)),
                f"{bead.score:.3f}",
                src_text,
                tgt_text,
            ]
        )
    return out.getvalue().encode("utf-8")


def beads_to_segments(
    beads: Sequence[Bead],
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    name: str,
) -> list[Segment]:
    """The translation units of the aligned beads; `name` (`<src file>/<tgt file>`) starts
    each one's id."""
    aligned = [bead for bead in beads if bead.src and bead.tgt]
    return [
        Segment(f"{name}/{k}", bead.label, src_text, tgt_text)
        for k, (bead, src_text, tgt_text) in enumerate(
            _texts(aligned, src, tgt, src_lang, tgt_lang)
        )
    ]


def _texts(
    beads: Sequence[Bead], src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str
) -> list[tuple[Bead, str, str]]:
    """Each bead with its sentences on each side, joined as the language joins them."""
    src_joiner, tgt_joiner = table(src_lang).joiner, table(tgt_lang).joiner
    return [
        (
            bead,
            src_joiner.join(src[i] for i in bead.src),
            tgt_joiner.join(tgt[j] for j in bead.tgt),
        )
        for bead in beads
    ]
