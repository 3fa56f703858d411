"""What the pipeline knows of one language, as one frozen table (`zh.TABLE`, `en.TABLE`).

Code elsewhere asks the table (`table(lang).joiner`) instead of comparing language codes, so
adding a language is adding a table. Patterns are compiled once, when the table is built;
the callables are small functions of the language's module that import what they need
(jieba, cn2an) only when first called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class LanguageTable:
    code: str
    name: str  # in English, as "Original: English" names it

    # Structure: numbering and headings.
    section: Pattern  # a chapter heading: groups "num" (as printed) and "head"
    paragraph: Pattern  # a numbered paragraph: groups "num" and "text"
    action_line: Pattern  # an action heading alone on its line ("行动 1"): group "num"
    action_inline: Pattern  # an action with its text on the line: groups "num", "text"
    paragraph_action: Pattern | None  # a numbered paragraph that is an action (Maputo)
    indicators_head: Pattern  # the line that opens an action's indicator list
    subitem: Pattern  # "(a) ..." or "a) ...": groups "l1" or "l2", and "text"
    appendix: Pattern
    table_header: Pattern  # the header row of an indicator table (tab-separated)
    # A bullet line: group "text" (a bullet may touch the text in scripts without spaces).
    bullet: Pattern

    # The first-page block.
    submitted_by: Pattern
    annex: Pattern  # annex label above the title ("附件二", "Annex II")
    agenda_item: Pattern  # group "item"
    meeting: Pattern
    meeting_date_place: Pattern

    # Writing: punctuation, spacing, script.
    terminal: str  # sentence-final marks: a block not ending with one continues
    joiner: str  # how two pieces of a wrapped line join: "" or " "
    max_heading: int  # longest line (in characters) still taken for a heading
    script: str  # character class (without brackets) of the language's own letters
    # Treaties and charters: a chapter ("第一章：宗旨及原则", "Chapter I: …"), groups "num" and
    # "head"; an article's label alone on its line ("第一条", "Article 1"), group "num" (and
    # "title"); an article's numbered paragraph ("一、", "1."), groups "num" and "text"; a
    # lettered sub-paragraph ("(子)", "(a)", "a."), group "letter" and "text"; how its letters
    # read as Latin ones (子 → a). Where the script has case, a lower-case line after a colon
    # is a sub-paragraph that lost its letter (`lost_letters`).
    chapter: Pattern | None = None
    article_head: Pattern | None = None
    article_paragraph: Pattern | None = None
    article_subitem: Pattern | None = None
    item_letters: Mapping[str, str] = field(default_factory=dict)
    lost_letters: bool = False
    # A line ending in a cross-reference to a numbered paragraph or article, whose letter may
    # open the next line ("mentioned in paragraph 1" + "(b) above"): that letter opens no item.
    reference_end: Pattern | None = None
    # The opening words of a treaty's preamble, where its body starts.
    preamble_opening: Pattern | None = None

    # Resolutions and decisions: the addressing line ("The General Assembly,", "大会，"); the
    # words preambular paragraphs open with (Recalling, 回顾), longest first; the verbs
    # operative ones open with (Decides, 决定); the heading block's session, committee and
    # sponsors lines (groups "session", "committee", "sponsors", "mark" for a note's marker).
    addressing: Pattern | None = None
    preambular_openings: tuple[str, ...] = ()
    preambular_endings: str = ""  # what a preambular paragraph ends with: , (and ; at times)
    operative_openings: tuple[str, ...] = ()
    session: Pattern | None = None
    committee: Pattern | None = None
    sponsors: Pattern | None = None
    # A footnote's reference glued to the word or mark before it ("Action,1", "》2"): the
    # characters it may follow (a character class, without brackets) and, where the script
    # has no blanks, the counters before which and the prefix after which a number is part of
    # the text (第5条, 12月).
    glued_after: str = ""
    glued_before: str = ""  # marks that may follow a glued reference
    counters: str = ""
    ordinal_prefix: str = ""
    # How the items of an enumeration end ("; and"): the line is complete, though it does
    # not end a sentence.
    item_ending: Pattern | None = None

    # Characters written without a blank on either side of them, in any language's text.
    unspaced: str = ""
    blanks: str = ""  # characters of some width that stand for a space (U+3000)
    title_marks: str = ""  # marks around cited titles (《》); "" where titles are italic
    list_separators: str = ""  # what separates the items of one table cell (；;)
    brackets_open: str = ""  # openers inside which a separator separates nothing
    brackets_close: str = ""
    bracket_pairs: Mapping[str, str] = field(default_factory=dict)  # checked for balance
    repeated_punctuation: Pattern | None = None  # marks that never stand twice in a row
    list_marker: Pattern | None = None  # "1)", "a)": a closing bracket without an opener
    # Half-width marks the language writes full width (, → ，), and where they are wrong.
    full_width: Mapping[str, str] = field(default_factory=dict)
    half_width_after_script: Pattern | None = None
    # A Latin-script word in this language's running text is foreign (untranslated), unless
    # it glosses the words before it: what stands before and after such a gloss.
    latin_is_foreign: bool = False
    gloss_before: Pattern | None = None
    gloss_after: Pattern | None = None
    # The marks that may end a text and are not worth reporting when a restatement differs,
    # after NFKC (，；： are , ; :).
    ending_marks: str = ",.;:"
    # What opens an item inside a table cell, where wrapped lines go on with the item before:
    # a bullet, a number or a letter ("1. ", "(a) ", "a) ").
    cell_item: Pattern = re.compile(r"^([•·▪●]|\d+\.\s|\(?[a-z]\)\s)")

    # Numbers.
    numbers: Callable[[str], set[str]] = lambda text: set()  # every number mentioned
    # Numbers written unmistakably in words (第五, 三个月), besides digits.
    counted_numbers: Pattern | None = None
    scaled_numbers: Pattern | None = None  # an amount with a scale word: groups 1, 2
    scales: Mapping[str, int] = field(default_factory=dict)  # scale word (lower case) → value
    article: Pattern | None = None  # a reference to an article of a treaty: group 1
    numbers_spaced_out: bool = False  # newer texts space numbers out: 4 月 30 日

    # Words and sentences.
    stop_words: frozenset[str] = frozenset()
    # Punctuation that survives translation (? ! quotation marks), as keys both sides share:
    # by token where the text is cut into tokens, else found by a pattern whose groups name
    # the key (`cue_keys`; the mark itself for a group without one).
    cue_tokens: Mapping[str, str] = field(default_factory=dict)
    cue_pattern: Pattern | None = None
    cue_keys: Mapping[str, str] = field(default_factory=dict)
    split_paragraph: Callable[[str], list[str]] = lambda text: [text]  # into sentences
    # Texts read in order as one (the sentences of a document): whether each ends inside a
    # quotation. Translators keep quotations whole, so two sides' sentences end inside one
    # alike (an aligner's bead boundary); nested quotations do not count.
    quote_states: Callable[[Sequence[str]], list[bool]] = lambda texts: [False] * len(texts)
    # Whether a line goes on with the paragraph before it (a wrap, not a new paragraph).
    line_continues: Callable[[str, str], bool] = lambda before, line: False
    diff_tokens: Callable[[str], list[str]] = list  # words for a word diff, joining to the text
    # Characters per unit of length (one Chinese character's worth of meaning): with blanks,
    # as UN texts run (the unit aligner); without, as literary prose runs (sentences).
    chars_per_unit: float = 1.0
    letters_per_unit: float = 1.0

    # An unnumbered chapter heading that can open the body above the first numbered chapter
    # ("INTRODUCTION"); taken as such only when prose follows it.
    front_heading: Pattern | None = None
    # The organs whose name a masthead prints before the symbol ("United Nations A/56/L.30",
    # "联 合 国 A/56/L.30"): an alternation of patterns.
    organs: str = ""
    # How CAT tools tag the language in a termbase (TBX).
    termbase_tag: str = ""
    # Reading text files: the legacy encoding of the language (GB18030), and whether a text
    # decoded with it is plausible; the characters common in its texts (a decoded file that
    # is mostly something else is binary).
    legacy_encoding: str | None = None
    plausible_legacy: Callable[[str], bool] = lambda text: False
    common_chars: str = ""
    # Derived: a character of the script, and a run of them.
    script_char: Pattern = field(init=False)
    script_run: Pattern = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "script_char", re.compile(f"[{self.script}]"))
        object.__setattr__(self, "script_run", re.compile(f"[{self.script}]+"))
