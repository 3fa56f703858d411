"""Body tokens to sections, paragraphs, actions, lists, indicators and notes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.extract import appendix
from pipeline.extract import tokens as tk
from pipeline.languages import LanguageTable
from pipeline.languages.numerals import section_number
from pipeline.model import (
    Action,
    Block,
    DocumentNote,
    Footnote,
    Item,
    Paragraph,
    Restatement,
    Section,
    Text,
    block_lists,
)
from pipeline.model.inline import parse_inline


@dataclass
class Body:
    sections: list[Section] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    doc_notes: list[DocumentNote] = field(default_factory=list)
    submitted_by: str | None = None
    warnings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, lang: LanguageTable, paragraph_actions: bool):
        self.lang = lang
        self.paragraph_actions = paragraph_actions
        self.body = Body()
        self.top: Section | None = None  # current chapter or appendix
        self.container: Section | None = None  # where blocks go: the chapter or a subsection
        self.block: Block | None = None
        self.in_indicators = False
        self.table: list[tk.Token] = []  # rows of the table being read
        self.table_container: Section | None = None

    # Where blocks go.
    def _blocks(self) -> list[Block]:
        return self.container.blocks if self.container else self.body.preamble

    def _add(self, block: Block) -> None:
        self._blocks().append(block)
        self.block = block
        self.in_indicators = False

    def _open_section(self, section: Section, nested: bool) -> None:
        self._flush_table()
        if nested and self.top is not None:
            self.top.subsections.append(section)
        else:
            self.body.sections.append(section)
            self.top = section
        self.container = section
        self.block = None
        self.in_indicators = False

    # Token handlers.
    def feed(self, token: tk.Token, heading: bool) -> None:
        if token.kind in (tk.ROW, tk.TABLE_HEADER):
            if not self.table:
                self.table_container = self.container
            self.table.append(token)
            return
        if token.kind not in (tk.FOOTNOTE, tk.DOCNOTE):
            self._flush_table()
        if token.kind == tk.TEXT and heading:
            self._on_heading(token)
            return
        _handler(token.kind)(self, token)

    def _on_section(self, token: tk.Token) -> None:
        section = Section(token.text, section_number(token.number), line=token.line)
        self._open_section(section, nested=False)

    def _on_appendix(self, token: tk.Token) -> None:
        self._open_section(Section(token.text, kind="appendix", line=token.line), nested=False)

    def _on_heading(self, token: tk.Token) -> None:
        inside_chapter = self.top is not None and bool(self.top.n or self.top.kind == "appendix")
        kind = "subsection" if inside_chapter else "section"
        self._open_section(Section(token.text, kind=kind, line=token.line), inside_chapter)

    def _on_para(self, token: tk.Token) -> None:
        pattern = self.lang.paragraph_action
        if self.paragraph_actions and pattern is not None and pattern.match(token.text.text):
            self._add(Action(token.number, token.text, numbered_as_paragraph=True, line=token.line))
        else:
            self._add(Paragraph(token.text, token.num, line=token.line))

    def _on_action(self, token: tk.Token) -> None:
        self._add(Action(token.number, Text(""), line=token.line))

    def _on_action_inline(self, token: tk.Token) -> None:
        self._add(Action(token.number, token.text, line=token.line))

    def _on_indicators(self, token: tk.Token) -> None:
        if isinstance(self.block, Action):
            self.in_indicators = True
        else:
            self._warn(token, "indicator heading outside an action")
            self._on_text(token)

    def _on_bullet(self, token: tk.Token) -> None:
        letter, text = self._lettered(token.text)
        self._add_item(Item(text, letter, line=token.line))

    def _on_subitem(self, token: tk.Token) -> None:
        self._add_item(Item(token.text, token.num, line=token.line))

    def _add_item(self, item: Item) -> None:
        block = self.block
        if isinstance(block, Action):
            (block.indicators if self.in_indicators else block.subitems).append(item)
        elif isinstance(block, Paragraph) and block.kind == "text":
            block.items.append(item)
        else:  # a list that belongs to no paragraph: it stands on its own
            self._add(Paragraph(Text(""), items=[item], line=item.line))

    def _on_text(self, token: tk.Token) -> None:
        block = self.block
        if isinstance(block, Action) and not self.in_indicators:
            if not block.body.text:
                block.body = token.text
                return
            # A headed action's text may run to a second paragraph before its lists.
            if not (block.numbered_as_paragraph or block.subitems or block.indicators):
                block.more.append(token.text)
                return
        self._add(Paragraph(token.text, line=token.line))

    def _on_footnote(self, token: tk.Token) -> None:
        self.body.footnotes.append(Footnote(token.number, token.text, line=token.line))

    def _on_docnote(self, token: tk.Token) -> None:
        self.body.doc_notes.append(DocumentNote(token.number, token.text, line=token.line))

    def _lettered(self, text: Text) -> tuple[str | None, Text]:
        match = self.lang.subitem.match(text.text)
        if not match:
            return None, text
        letter = match.group("l1") or match.group("l2")
        return letter, parse_inline(match.group("text"))

    def _warn(self, token: tk.Token, message: str) -> None:
        self.body.warnings.append(f"line {token.line}: {message}")

    # The indicator table, once all its rows are in.
    def _flush_table(self) -> None:
        if not self.table:
            return
        rows, self.table = appendix.parse_rows(self.table, self.lang), []
        actions = {b.n: b for b in self._all_blocks() if isinstance(b, Action)}
        current: Action | None = None
        for row in rows:
            if row.kind == appendix.ACTION_ROW:
                current = actions.get(row.num or "")
                if current is None:
                    self.body.warnings.append(
                        f"line {row.line}: table row for action {row.num}, which the text lacks"
                    )
                    self._table_paragraph(Paragraph(row.text, line=row.line), row.indicators)
                    continue
                current.restatements.append(Restatement(row.text, line=row.line))
            elif row.kind == appendix.SUBITEM_ROW and current is not None:
                current.restatements.append(Restatement(row.text, of_n=row.num, line=row.line))
            else:
                current = None
                self._table_paragraph(
                    Paragraph(row.text, kind="group", line=row.line), row.indicators
                )
                continue
            current.indicators.extend(Item(t, line=row.line) for t in row.indicators)

    def _table_paragraph(self, paragraph: Paragraph, indicators: list[Text]) -> None:
        paragraph.items = [Item(t, line=paragraph.line) for t in indicators]
        target = self.table_container.blocks if self.table_container else self.body.preamble
        target.append(paragraph)

    def _all_blocks(self) -> list[Block]:
        return [b for blocks in block_lists(self.body.preamble, self.body.sections) for b in blocks]

    def finish(self) -> Body:
        self._flush_table()
        return self.body


@functools.cache
def _handler(kind: str) -> Callable[[_Builder, tk.Token], None]:
    """The builder's handler of a token kind, looked up by its name once: it is fed every line."""
    return getattr(_Builder, "_on_" + kind.replace("-", "_"))


def build_body(tokens: list[tk.Token], lang: LanguageTable) -> Body:
    explicit_actions = any(t.kind in (tk.ACTION, tk.ACTION_INLINE) for t in tokens)
    builder = _Builder(lang, lang.paragraph_action is not None and not explicit_actions)
    byline = _byline(tokens, lang)
    if byline is not None:
        builder.body.submitted_by = tokens.pop(byline).text.text
    for index, token in enumerate(tokens):
        builder.feed(token, tk.is_heading(tokens, index, lang) and _heading_follows(tokens, index))
    return builder.finish()


def _byline(tokens: list[tk.Token], lang: LanguageTable) -> int | None:
    """ "缔约国第五次会议主席提交" under the first heading: who submitted the document."""
    for index, token in enumerate(tokens):
        if token.kind in (tk.PARA, tk.ACTION, tk.ACTION_INLINE):
            return None
        text = token.text.text
        if (
            token.kind == tk.TEXT
            and len(text) <= lang.max_heading
            and lang.submitted_by.search(text)
        ):
            return index
    return None


def _heading_follows(tokens: list[tk.Token], index: int) -> bool:
    """What follows a heading is a structural unit or a paragraph longer than the heading;
    a short line followed by another short line is more likely a stray line of text."""
    if tokens[index].md_heading or index + 1 == len(tokens):
        return True
    following = tokens[index + 1]
    return following.kind != tk.TEXT or len(following.text.text) > len(tokens[index].text.text)
