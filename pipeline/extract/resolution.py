"""A resolution or decision: the addressing line, its preambular paragraphs (unnumbered, each
opening with a participle or adjective phrase and ending with a comma) and operative ones
(numbered, opening with a verb, ending with a semicolon or a full stop) with their lettered
sub-items; the footnotes and the document notes. The heading block (symbol, session,
committee, agenda item, sponsors, title) is the first-page block's (`front.py`).
"""

from __future__ import annotations

from pipeline.extract import tokens as tk
from pipeline.extract.structure import Body
from pipeline.languages import LanguageTable
from pipeline.model import DocumentNote, Footnote, Item, Paragraph, Section, Text


class _ResolutionBuilder:
    def __init__(self) -> None:
        self.body = Body()
        self.resolution: Section | None = None
        self.preamble: Section | None = None
        self.operative: Section | None = None

    def feed(self, token: tk.Token) -> None:
        if token.kind == tk.ADDRESS:
            self.resolution = Section(token.text, kind="resolution", line=token.line)
            self.body.sections.append(self.resolution)
            self.preamble = self.operative = None
        elif token.kind == tk.FOOTNOTE:
            self.body.footnotes.append(Footnote(token.number, token.text, line=token.line))
        elif token.kind == tk.DOCNOTE:
            self.body.doc_notes.append(DocumentNote(token.number, token.text, line=token.line))
        elif token.kind == tk.PARA:
            self._part("operative").blocks.append(
                Paragraph(token.text, token.number, line=token.line)
            )
        elif token.kind in (tk.SUBITEM, tk.BULLET) and self.operative is not None:
            self._last(self.operative, token).items.append(
                Item(token.text, token.num if token.kind == tk.SUBITEM else None, line=token.line)
            )
        elif self.operative is not None:  # unnumbered text among the operative paragraphs
            self.operative.blocks.append(Paragraph(token.text, line=token.line))
        else:
            self._part("preamble").blocks.append(Paragraph(token.text, line=token.line))

    def _part(self, kind: str) -> Section:
        """The resolution's preamble or operative part, opened when first needed."""
        if self.resolution is None:  # no addressing line: the text's own resolution
            self.resolution = Section(Text(""), kind="resolution")
            self.body.sections.append(self.resolution)
        current = self.preamble if kind == "preamble" else self.operative
        if current is None:
            current = Section(Text(""), kind=kind)
            self.resolution.subsections.append(current)
            if kind == "preamble":
                self.preamble = current
            else:
                self.operative = current
        return current

    @staticmethod
    def _last(part: Section, token: tk.Token) -> Paragraph:
        if not part.blocks or not isinstance(part.blocks[-1], Paragraph):
            part.blocks.append(Paragraph(Text(""), line=token.line))
        paragraph = part.blocks[-1]
        assert isinstance(paragraph, Paragraph)
        return paragraph


def build_resolution(tokens: list[tk.Token], lang: LanguageTable) -> Body:
    builder = _ResolutionBuilder()
    for token in tokens:
        builder.feed(token)
    return builder.body
