"""A document model unit by unit, and how two of them differ: the yardstick by which a PDF's
reading is held against its text's (tests/test_pdf.py, tests/test_engines.py and
tools/engine_agreement.py)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter
from collections.abc import Callable

from pdfgen import first_page_block

from pipeline.languages import UNSPACED_CHAR
from pipeline.model import Action, Document, Text

# A word processor sets Chinese apart from digits and Latin letters by a little space of its
# own, and may or may not draw a space typed there: whether the text had one ("第 7 条") or not
# ("第66/290号") cannot be read back from the PDF. Texts are compared without such spaces.
_CJK_LATIN_SPACE = re.compile(
    f"(?<={UNSPACED_CHAR.pattern}) (?=[A-Za-z0-9(])|(?<=[A-Za-z0-9.,;:%)]) (?={UNSPACED_CHAR.pattern})"
)


def spaced_as_printed(text: str) -> str:
    return _CJK_LATIN_SPACE.sub("", text)


def exact(t: Text) -> tuple:
    return t.text, [(r.n, r.offset) for r in t.refs]


def as_printed(t: Text) -> tuple:
    """The text without the spaces a PDF cannot tell, each reference where it then falls."""
    refs = [(r.n, len(spaced_as_printed(t.text[: r.offset]))) for r in t.refs]
    return spaced_as_printed(t.text), refs


def as_rendered(doc: Document) -> Document:
    """The text's model with the front matter a test engine prints (tests/pdfgen.py and
    tests/wpgen.py): its symbol and first-page block above the text's own front lines, the
    text's copy of that block left out."""
    block = first_page_block(doc.meta, doc.meta.language)
    symbol = f"PLANALIGN/TEST/{doc.id}"  # as pdfgen.rendering_marks names a rendering
    printed = [Text(line) for line in (symbol, *block)]
    own = [line for line in doc.meta.front if line.text.strip() not in block]
    return dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, front=printed + own))


def units(doc: Document, text: Callable[[Text], tuple] = exact) -> list[tuple]:
    """The document, unit by unit, as the aligners will see it (ids, numbers, texts, notes),
    after its front matter: the first-page lines and the title they print."""
    out: list[tuple] = [("front", "", text(line)) for line in doc.meta.front]
    out.append(("title", "", text(Text(doc.meta.printed_title))))
    for section in doc.all_sections(("section", "subsection", "appendix")):
        out.append(("section", section.uid, section.kind, section.n, text(section.head)))
    for block in doc.blocks():
        if isinstance(block, Action):
            out.append(("action", block.uid, block.n, text(block.body)))
            out += [("more", block.uid, text(more)) for more in block.more]
            out += [("sub", i.uid, i.n, text(i.body)) for i in block.subitems]
            out += [("indicator", i.uid, text(i.body)) for i in block.indicators]
            out += [("restatement", r.uid, r.of_uid, text(r.body)) for r in block.restatements]
        else:
            out.append(("paragraph", block.uid, block.n, block.kind, text(block.body)))
            out += [("item", i.uid, i.n, text(i.body)) for i in block.items]
    out += [("footnote", n.uid, n.n, text(n.body), n.referenced_by) for n in doc.footnotes]
    out += [("docnote", n.uid, n.n, text(n.body), n.referenced_by) for n in doc.doc_notes]
    return out


def _content(unit: tuple) -> str:
    """A unit without its id: a unit missed early renumbers every id after it."""
    return repr(unit[:1] + unit[2:])


def _matcher(got: list[tuple], want: list[tuple]) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(
        None, [_content(u) for u in got], [_content(u) for u in want], autojunk=False
    )


def agreeing(got: list[tuple], want: list[tuple]) -> int:
    """Units of `want` found in `got` in the same order with the same content."""
    return sum(block.size for block in _matcher(got, want).get_matching_blocks())


def differences(got: list[tuple], want: list[tuple], width: int = 200) -> list[str]:
    """The units that differ, as the aligned runs of a diff, one line each."""
    lines = []
    for op, a0, a1, b0, b1 in _matcher(got, want).get_opcodes():
        if op != "equal":
            lines += [f"    pdf:  {str(u)[:width]}" for u in got[a0:a1]]
            lines += [f"    text: {str(u)[:width]}" for u in want[b0:b1]]
            lines.append("    --")
    return lines


def characters_lost_and_added(got: list[tuple], want: list[tuple]) -> tuple[str, str]:
    """The characters of `want`'s texts missing from `got`'s, and those `got` has more of."""
    have = Counter("".join(_texts(got)))
    need = Counter("".join(_texts(want)))
    return "".join(sorted((need - have).elements())), "".join(sorted((have - need).elements()))


def _texts(units_: list[tuple]) -> list[str]:
    return [part[0] for unit in units_ for part in unit if isinstance(part, tuple)]
