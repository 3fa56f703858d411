"""A treaty or charter: its preamble, chapters, sub-headings inside chapters, articles, an
article's paragraphs and their lettered sub-paragraphs.

Numbers lost in conversion are restored from the order, marked as restored (the English
Charter as scraped has lost every `1.` and `a.`). A document whose articles number none of
their paragraphs has lost them: in an article of several paragraphs each is numbered, but for
an opening paragraph that introduces the rest (it ends with a colon or stands apart by a blank
line, with two paragraphs or more after it). Where the script has case, a line in lower case
after one ending with a colon is a sub-paragraph that lost its letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract import tokens as tk
from pipeline.extract.structure import Body
from pipeline.languages import LanguageTable
from pipeline.languages.numerals import chinese_value, section_number
from pipeline.model import (
    Article,
    DocumentNote,
    Footnote,
    Item,
    Paragraph,
    Section,
    Text,
)

# An introduction is followed by at least this many paragraphs.
INTRODUCED = 2


@dataclass
class _Placed:
    """A paragraph of an article as read: whether a blank line stood before it."""

    paragraph: Paragraph
    after_blank: bool


@dataclass
class _Article:
    article: Article
    placed: list[_Placed] = field(default_factory=list)


class _TreatyBuilder:
    def __init__(self, lang: LanguageTable, numbers_lost: bool, letters_lost: bool):
        self.lang = lang
        self.numbers_lost, self.letters_lost = numbers_lost, letters_lost
        self.body = Body()
        self.preamble: Section | None = None
        self.chapter: Section | None = None
        self.container: Section | None = None  # where articles go: a chapter or sub-heading
        self.article: _Article | None = None
        self.articles: list[_Article] = []

    def feed(self, tokens: list[tk.Token], index: int) -> None:
        token = tokens[index]
        if token.kind == tk.CHAPTER:
            self._chapter(token)
        elif token.kind == tk.ARTICLE:
            self._article(token)
        elif token.kind == tk.FOOTNOTE:
            self.body.footnotes.append(Footnote(token.number, token.text, line=token.line))
        elif token.kind == tk.DOCNOTE:
            self.body.doc_notes.append(DocumentNote(token.number, token.text, line=token.line))
        elif self.chapter is not None and self._is_subheading(tokens, index):
            self._subheading(token)
        elif self.article is not None:
            self._in_article(token)
        else:
            self._outside_articles(token)

    # Containers.
    def _chapter(self, token: tk.Token) -> None:
        self.chapter = Section(
            token.text, section_number(token.number), kind="chapter", line=token.line
        )
        self.body.sections.append(self.chapter)
        self.container, self.article = self.chapter, None

    def _subheading(self, token: tk.Token) -> None:
        assert self.chapter is not None
        self.container = Section(token.text, kind="subsection", line=token.line)
        self.chapter.subsections.append(self.container)
        self.article = None

    def _is_subheading(self, tokens: list[tk.Token], index: int) -> bool:
        """ "VOTING", "投票": a short line of text, not a sentence, not indented, before an
        article's label."""
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        text = token.text.text
        return (
            token.kind == tk.TEXT
            and following is not None
            and following.kind == tk.ARTICLE
            and not token.indented
            and len(text) <= self.lang.max_heading // 2
            and not token.ends_sentence(self.lang.terminal + ",")
        )

    def _article(self, token: tk.Token) -> None:
        article = _Article(Article(_arabic(token.number), token.text, line=token.line))
        self._holder().append(article.article)
        self.article = article
        self.articles.append(article)

    def _holder(self) -> list:
        """The block list articles go to: the chapter's or sub-heading's; without chapters,
        a section holding the articles."""
        if self.container is None:
            self.container = Section(Text(""), kind="articles")
            self.body.sections.append(self.container)
        return self.container.blocks

    # Paragraphs.
    def _outside_articles(self, token: tk.Token) -> None:
        """Before the first chapter, the preamble; inside a chapter, its own paragraphs."""
        if self.chapter is None:
            if self.preamble is None:
                self.preamble = Section(Text(""), kind="preamble", line=token.line)
                self.body.sections.insert(0, self.preamble)
            blocks = self.preamble.blocks
        else:
            blocks = self._holder()
        number = _arabic(token.num) if token.kind == tk.PARA and token.num else None
        blocks.append(Paragraph(token.text, number, line=token.line))

    def _in_article(self, token: tk.Token) -> None:
        assert self.article is not None
        placed = self.article.placed
        last = placed[-1].paragraph if placed else None
        if token.kind in (tk.SUBITEM, tk.BULLET) or self._lost_item(token, last):
            if last is None:
                last = self._paragraph(Paragraph(Text(""), line=token.line), token)
            letter = token.num if token.kind == tk.SUBITEM else None
            lost = token.kind == tk.TEXT
            last.items.append(Item(token.text, letter, restored=lost, line=token.line))
            return
        number = _arabic(token.number) if token.kind == tk.PARA else None
        self._paragraph(Paragraph(token.text, number, line=token.line), token)

    def _paragraph(self, paragraph: Paragraph, token: tk.Token) -> Paragraph:
        assert self.article is not None
        self.article.article.paragraphs.append(paragraph)
        self.article.placed.append(_Placed(paragraph, token.after_blank))
        return paragraph

    def _lost_item(self, token: tk.Token, last: Paragraph | None) -> bool:
        """A line in lower case after a colon, or after such a line: a sub-paragraph whose
        letter conversion lost."""
        if not self.letters_lost or token.kind != tk.TEXT or last is None:
            return False
        text = token.text.text
        if not text[:1].islower():
            return False
        return bool(last.items) or last.body.text.rstrip().endswith(":")

    def finish(self) -> Body:
        for article in self.articles:
            if self.numbers_lost:
                _restore_numbers(article)
            if self.letters_lost:
                _restore_letters(article.article)
        return self.body


def build_treaty(tokens: list[tk.Token], lang: LanguageTable) -> Body:
    numbers_lost, letters_lost = _what_was_lost(tokens, lang)
    builder = _TreatyBuilder(lang, numbers_lost, letters_lost)
    for index in range(len(tokens)):
        builder.feed(tokens, index)
    return builder.finish()


def _what_was_lost(tokens: list[tk.Token], lang: LanguageTable) -> tuple[bool, bool]:
    """Whether conversion lost the paragraph numbers (no article numbers any paragraph) and
    the sub-paragraph letters (none is lettered, and the script has the case to tell)."""
    kinds = {token.kind for token in tokens}
    articles = tk.ARTICLE in kinds
    return articles and tk.PARA not in kinds, articles and lang.lost_letters and (
        tk.SUBITEM not in kinds
    )


def _restore_numbers(article: _Article) -> None:
    placed = article.placed
    if len(placed) < 2 or any(p.paragraph.n for p in placed):
        return
    first, rest = placed[0], placed[1:]
    introduces = len(rest) >= INTRODUCED and (
        rest[0].after_blank
        or (first.paragraph.body.text.rstrip().endswith(":") and not first.paragraph.items)
    )
    numbered = rest if introduces else placed
    for number, place in enumerate(numbered, 1):
        place.paragraph.n, place.paragraph.restored = str(number), True


def _restore_letters(article: Article) -> None:
    for paragraph in article.paragraphs:
        lost = [item for item in paragraph.items if item.restored]
        for letter, item in zip("abcdefghijklmnopqrstuvwxyz", lost, strict=False):
            item.n = letter


def _arabic(number: str) -> str:
    """An article's or paragraph's number in digits: 一百一十一 → 111."""
    return number if number.isdigit() else (chinese_value(number) or number)
