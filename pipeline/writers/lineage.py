"""One action's lineage across action plans, with the differences marked word by word.

A lineage is a list of `Step`s, oldest plan first; each step is compared with the one before
it by the word diff (`pipeline.model.diff`). Steps in different languages are not diffed:
both texts are shown whole.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from pipeline.model.diff import DELETE, EQUAL, INSERT, Op, word_diff

_RESET = "\x1b[0m"
_ANSI = {DELETE: "\x1b[31m\x1b[9m", INSERT: "\x1b[32m\x1b[4m"}  # red strike / green underline
_BOLD = "\x1b[1m"
_WDIFF = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}
_HTML_TAG = {DELETE: "del", INSERT: "ins"}


@dataclass
class Step:
    plan: str  # plan key, e.g. "lausanne"
    doc_id: str  # document id
    action: str  # action number as printed, "1", "4.1"
    relation: str  # from the previous step: "" for the first, else same|reworded|split|merged|new
    score: float | None
    text: str  # the action's text
    lang: str  # the language code of its text


@dataclass
class _Shown:
    """A step as rendered: the step it is compared with and the ops, when there are any."""

    step: Step
    previous: Step | None  # None for the first step and for a step marked "new"
    ops: list[Op] | None  # None when there is no previous step or the languages differ

    @property
    def languages_differ(self) -> bool:
        return self.previous is not None and self.previous.lang != self.step.lang


def _compare(steps: list[Step]) -> list[_Shown]:
    shown = []
    for k, step in enumerate(steps):
        previous = steps[k - 1] if k and step.relation != "new" else None
        ops = None
        if previous is not None and previous.lang == step.lang:
            ops = word_diff(previous.text, step.text, step.lang)
        shown.append(_Shown(step, previous, ops))
    return shown


def _label(step: Step) -> str:
    return f"{step.plan} {step.action}"


def _how(step: Step) -> str:
    """`reworded, 0.82`: the relation and the score, either may be missing."""
    parts = [step.relation] if step.relation else []
    if step.score is not None:
        parts.append(f"{step.score:.2f}")
    return ", ".join(parts)


def _languages_note(previous: Step, step: Step) -> str:
    return f"languages differ ({previous.lang} → {step.lang}): no word diff, both texts shown whole"


def title(steps: list[Step]) -> str:
    """`Action lineage: maputo 1 → oslo 4 → siem-reap-angkor 4.1`."""
    labels = " → ".join(_label(step) for step in steps)
    return f"Action lineage: {labels}" if steps else "Action lineage"


# --- text ----------------------------------------------------------------------------------


def render_text(steps: list[Step], color: bool) -> str:
    """One block per step, blocks separated by a blank line; changes in ANSI colour or wdiff."""
    return "\n".join(_text_block(shown, color) for shown in _compare(steps))


def _text_block(shown: _Shown, color: bool) -> str:
    step, how = shown.step, _how(shown.step)
    header = _label(step) + (f"  ({how})" if how else "")
    lines = [f"{_BOLD}{header}{_RESET}" if color else header]
    if shown.ops is not None:
        lines.append("".join(_text_piece(op, text, color) for op, text in shown.ops))
    elif shown.previous is not None:  # languages differ
        lines.append(_languages_note(shown.previous, step))
        for side in (shown.previous, step):
            lines.append(f"{_label(side)} ({side.lang}): {side.text}")
    else:
        lines.append(step.text)
    return "\n".join(lines) + "\n"


def _text_piece(op: str, text: str, color: bool) -> str:
    if op == EQUAL:
        return text
    if not color:
        opening, closing = _WDIFF[op]
        return opening + text + closing
    # Codes per line, so a pager showing one line at a time keeps the colour right.
    return "\n".join(f"{_ANSI[op]}{line}{_RESET}" if line else line for line in text.split("\n"))


# --- HTML ----------------------------------------------------------------------------------

_CSS = """\
body { font-family: system-ui, sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em;
       line-height: 1.6; color: #222; }
h1 { font-size: 1.3em; }
h2 { font-size: 1.05em; margin: 1.6em 0 0.3em; }
h2 .how { font-weight: normal; color: #555; }
h2 .doc { font-weight: normal; font-size: 0.85em; color: #777; margin-left: 0.6em; }
.text { white-space: pre-wrap; margin: 0.3em 0; }
.note, .side { color: #666; font-size: 0.9em; margin: 0.6em 0 0; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
            "Microsoft YaHei", sans-serif; }
del { color: #a40000; background: #fde4e4; text-decoration: line-through; }
ins { color: #005c00; background: #e1f5e1; text-decoration: underline; }
"""


def render_html(steps: list[Step]) -> str:
    """A self-contained HTML5 page: inline CSS, no scripts, nothing fetched."""
    head = html.escape(title(steps))
    body = "\n".join(_html_step(shown) for shown in _compare(steps))
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{head}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{head}</h1>\n{body}\n</body>\n</html>\n"
    )


def _html_step(shown: _Shown) -> str:
    step, how = shown.step, _how(shown.step)
    parts = [
        '<section class="step">',
        f"<h2>{html.escape(_label(step))}"
        + (f' <span class="how">({html.escape(how)})</span>' if how else "")
        + f' <span class="doc">{html.escape(step.doc_id)}</span></h2>',
    ]
    if shown.ops is not None:
        marked = "".join(_html_piece(op, text) for op, text in shown.ops)
        parts.append(_html_text(step.lang, marked))
    elif shown.previous is not None:  # languages differ
        parts.append(f'<p class="note">{html.escape(_languages_note(shown.previous, step))}</p>')
        for side in (shown.previous, step):
            parts.append(f'<p class="side">{html.escape(_label(side))} ({side.lang})</p>')
            parts.append(_html_text(side.lang, html.escape(side.text)))
    else:
        parts.append(_html_text(step.lang, html.escape(step.text)))
    return "\n".join([*parts, "</section>"])


def _html_text(lang: str, inner: str) -> str:
    return f'<p class="text" lang="{html.escape(lang)}">{inner}</p>'


def _html_piece(op: str, text: str) -> str:
    if op == EQUAL:
        return html.escape(text)
    tag = _HTML_TAG[op]
    return f"<{tag}>{html.escape(text)}</{tag}>"


# --- JSON ----------------------------------------------------------------------------------


def render_json(steps: list[Step]) -> str:
    """The steps in order with their ops; `diff` is null where nothing was diffed."""
    records = [_record(shown) for shown in _compare(steps)]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _record(shown: _Shown) -> dict:
    step = shown.step
    return {
        "plan": step.plan,
        "doc_id": step.doc_id,
        "action": step.action,
        "relation": step.relation,
        "score": step.score,
        "lang": step.lang,
        "text": step.text,
        "languages_differ": shown.languages_differ,
        "diff": None if shown.ops is None else [list(op) for op in shown.ops],
    }
