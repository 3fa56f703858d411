"""The word diff: the ops turning one text into another, words compared, every character kept.

Texts are cut into words by their language's table (jieba's dictionary for Chinese; words,
punctuation and runs of blanks otherwise) and the word lists diffed with difflib. Joining a
diff's equal and insert pieces gives back the new text exactly, its equal and delete pieces
the old one.
"""

from __future__ import annotations

import difflib

from pipeline.languages import table

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
Op = tuple[str, str]


def diff_words(text: str, lang: str) -> list[str]:
    """The words of `text`, joining back to it exactly (else its characters)."""
    tokens = table(lang).diff_tokens(text)
    return tokens if "".join(tokens) == text else list(text)


def word_diff(old: str, new: str, lang: str) -> list[Op]:
    """The ops turning `old` into `new`; adjacent pieces of the same kind are joined.

    A changed run is one delete followed by one insert; whitespace alone between two changes
    is taken into them, so `a b c` to `a x y c` reads `a [-b-]{+x y+} c`.
    """
    a, b = diff_words(old, lang), diff_words(new, lang)
    ops: list[Op] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, "".join(a[i1:i2])))
        if tag in ("replace", "delete"):
            ops.append((DELETE, "".join(a[i1:i2])))
        if tag in ("replace", "insert"):
            ops.append((INSERT, "".join(b[j1:j2])))
    return _coalesce(_absorb_gaps(ops))


def _absorb_gaps(ops: list[Op]) -> list[Op]:
    """Whitespace-only equal pieces between two changes become part of both changes."""
    out: list[Op] = []
    for k, (op, text) in enumerate(ops):
        inner = 0 < k < len(ops) - 1 and ops[k - 1][0] != EQUAL and ops[k + 1][0] != EQUAL
        if op == EQUAL and inner and text.isspace():
            out += [(DELETE, text), (INSERT, text)]
        else:
            out.append((op, text))
    return out


def _coalesce(ops: list[Op]) -> list[Op]:
    """Join neighbours: each run of changes becomes one delete then one insert."""
    out: list[Op] = []
    pending = {DELETE: "", INSERT: ""}
    for op, text in [*ops, (EQUAL, "")]:
        if op != EQUAL:
            pending[op] += text
            continue
        out += [(kind, pending[kind]) for kind in (DELETE, INSERT) if pending[kind]]
        pending = {DELETE: "", INSERT: ""}
        if text and out and out[-1][0] == EQUAL:
            out[-1] = (EQUAL, out[-1][1] + text)
        elif text:
            out.append((EQUAL, text))
    return out
