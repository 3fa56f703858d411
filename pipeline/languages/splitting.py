"""Text into sentences, by each language's rules: the strings, and where they stand.

A sentence never runs across a paragraph; a line break is a paragraph break unless the line
clearly stops mid-sentence (the language table's `line_continues`: in English the next line
starts in lower case, in Chinese the line ends with a comma). Each paragraph is cut by the
table's `split_paragraph`: as in the mac-dev gold, Chinese ends after 。！？ (with the closing
quotes and brackets that follow), also inside quotations, but not at ； or inside 《》; English
after . ! ? … when the next sentence starts with a capital, a digit or a quotation, except
after abbreviations and initials.
"""

from __future__ import annotations

from pipeline.languages import table


def split_sentences(text: str, lang: str) -> list[str]:
    """The sentences of `text`, in order and with their own punctuation."""
    language = table(lang)
    return [s for para in _paragraphs(text, lang) for s in language.split_paragraph(para)]


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Where each sentence of a one-line text stands in it: (start, end) offsets, in order,
    covering every character but the blanks between sentences; the whole text as one
    sentence when the splitter's pieces cannot be found in it as they are."""
    spans, position = [], 0
    for sentence in split_sentences(text, lang):
        start = text.find(sentence, position)
        if start < 0:
            return [(0, len(text))] if text.strip() else []
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def _paragraphs(text: str, lang: str) -> list[str]:
    """The paragraphs, each gathered as its lines and joined once (joining line by line
    would make a long paragraph of short lines quadratic). `line_continues` looks at the
    end of what comes before, the last line."""
    language = table(lang)
    paras: list[list[str]] = []
    joining = False
    for line in text.splitlines():
        line = line.strip()
        if not line:
            joining = False
            continue
        if joining and paras and language.line_continues(paras[-1][-1], line):
            paras[-1].append(line)
        else:
            paras.append([line])
        joining = True
    return [language.joiner.join(lines) for lines in paras]
