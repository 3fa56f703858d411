"""One action's lineage across action plans, a graph, with the differences marked word by word.

A `Lineage` (`pipeline.align.chains`) holds the actions linked to one action and the links
between consecutive plans. Each plan is shown once, oldest first, with its actions; each link
into an action shows the word diff (`pipeline.model.diff`) from its predecessor, so a merge
shows both predecessors and a split both successors. Actions in different languages are not
diffed: each text is shown whole under its own plan.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from textwrap import indent

from pipeline.align.chains import Lineage, LineageEdge, LineageNode, LineagePlan
from pipeline.model.diff import DELETE, EQUAL, INSERT, Op, word_diff

_RESET = "\x1b[0m"
_ANSI = {DELETE: "\x1b[31m\x1b[9m", INSERT: "\x1b[32m\x1b[4m"}  # red strike / green underline
_BOLD = "\x1b[1m"
_WDIFF = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}
_HTML_TAG = {DELETE: "del", INSERT: "ins"}
_UNSCORED = ("new", "dropped")  # relations whose score says nothing


@dataclass
class _Link:
    """An edge as rendered: its two ends (None where there is none) and the word diff."""

    edge: LineageEdge
    old: LineageNode | None
    new: LineageNode | None
    ops: list[Op] | None  # None without both ends, or when their languages differ
    languages_differ: bool


def _links(lineage: Lineage) -> list[_Link]:
    return [_link(lineage, edge) for edge in lineage.edges]


def _link(lineage: Lineage, edge: LineageEdge) -> _Link:
    old = lineage.node(edge.step, edge.old)
    new = lineage.node(edge.step + 1, edge.new)
    if old is None or new is None:
        return _Link(edge, old, new, None, False)
    old_lang, new_lang = _lang(lineage, old), _lang(lineage, new)
    if old_lang != new_lang:
        return _Link(edge, old, new, None, True)
    return _Link(edge, old, new, word_diff(old.text, new.text, new_lang), False)


def _lang(lineage: Lineage, node: LineageNode) -> str:
    return lineage.plans[node.plan].lang


def _label(lineage: Lineage, node: LineageNode) -> str:
    return f"{lineage.plans[node.plan].key} {node.action}"


def _how(edge: LineageEdge) -> str:
    """`reworded, 0.82`; a new or dropped action's score is left out."""
    return edge.relation if edge.relation in _UNSCORED else f"{edge.relation}, {edge.score:.2f}"


def _other_end(lineage: Lineage, link: _Link, incoming: bool) -> str:
    """The label of the link's far end, or `none in <plan>` for a new or dropped action."""
    node = link.old if incoming else link.new
    if node is not None:
        return _label(lineage, node)
    step = link.edge.step if incoming else link.edge.step + 1
    return f"none in {lineage.plans[step].key}"


def _unchanged(ops: list[Op]) -> bool:
    return all(op == EQUAL for op, _ in ops)


def _languages_note(lineage: Lineage, link: _Link) -> str:
    assert link.old is not None and link.new is not None
    old, new = _lang(lineage, link.old), _lang(lineage, link.new)
    return f"languages differ ({old} → {new}): no word diff"


def _plans_shown(lineage: Lineage) -> list[int]:
    return sorted({node.plan for node in lineage.nodes})


def _nodes_of(lineage: Lineage, plan: int) -> list[LineageNode]:
    return [node for node in lineage.nodes if node.plan == plan]


def _into(links: list[_Link], node: LineageNode) -> list[_Link]:
    return [link for link in links if link.new == node]


def _out_of(links: list[_Link], node: LineageNode) -> list[_Link]:
    return [link for link in links if link.old == node]


def title(lineage: Lineage) -> str:
    """`Action lineage: lausanne 43, 45 → siem-reap-angkor 7`: each plan once, oldest first."""
    plans = [
        f"{lineage.plans[p].key} " + ", ".join(n.action for n in _nodes_of(lineage, p))
        for p in _plans_shown(lineage)
    ]
    return f"Action lineage: {' → '.join(plans)}" if plans else "Action lineage"


# --- text ----------------------------------------------------------------------------------


def render_text(lineage: Lineage, color: bool) -> str:
    """The title, then each plan with its actions; under each action its links: `←` from a
    predecessor with the word diff (wdiff markers, or ANSI colour), `→` to a successor."""
    links = _links(lineage)
    blocks = [_bold(title(lineage), color)]
    for plan in _plans_shown(lineage):
        blocks.append(_bold(_plan_heading(lineage.plans[plan]), color))
        blocks += [_text_node(lineage, links, node, color) for node in _nodes_of(lineage, plan)]
    return "\n\n".join(blocks) + "\n"


def _bold(line: str, color: bool) -> str:
    return f"{_BOLD}{line}{_RESET}" if color else line


def _plan_heading(plan: LineagePlan) -> str:
    return f"== {plan.key} ({plan.doc_id}) =="


def _text_node(lineage: Lineage, links: list[_Link], node: LineageNode, color: bool) -> str:
    lines = [_bold(_label(lineage, node), color), node.text]
    for link in _into(links, node):
        lines += _text_incoming(lineage, link, color)
    for link in _out_of(links, node):
        lines.append(f"  → {_other_end(lineage, link, False)}  ({_how(link.edge)})")
    return "\n".join(lines)


def _text_incoming(lineage: Lineage, link: _Link, color: bool) -> list[str]:
    head = f"  ← {_other_end(lineage, link, True)}  ({_how(link.edge)})"
    if link.languages_differ:
        return [f"{head}: {_languages_note(lineage, link)}"]
    if link.ops is None:
        return [head]
    if _unchanged(link.ops):
        return [f"{head}: no differences"]
    marked = "".join(_text_piece(op, text, color) for op, text in link.ops)
    return [head, indent(marked, "    ", lambda line: True)]


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
body { font-family: system-ui, sans-serif; max-width: 64em; margin: 2em auto; padding: 0 1em;
       line-height: 1.6; color: #222; }
h1 { font-size: 1.3em; }
h2 { font-size: 1.1em; margin: 1.8em 0 0.3em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin: 1.2em 0 0.2em; }
.doc { font-weight: normal; font-size: 0.85em; color: #777; margin-left: 0.6em; }
table.graph { border-collapse: collapse; width: 100%; }
table.graph th, table.graph td { border: 1px solid #ccc; padding: 0.3em 0.6em;
       vertical-align: top; text-align: left; }
table.graph ul { list-style: none; margin: 0; padding: 0; }
.text { white-space: pre-wrap; margin: 0.3em 0; }
.link { color: #555; font-size: 0.9em; margin: 0.5em 0 0; }
.diff { margin-left: 1.5em; }
:lang(zh) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
            "Microsoft YaHei", sans-serif; }
del { color: #a40000; background: #fde4e4; text-decoration: line-through; }
ins { color: #005c00; background: #e1f5e1; text-decoration: underline; }
"""


def render_html(lineage: Lineage) -> str:
    """A self-contained HTML5 page: the graph as a table (one column a plan, each action with
    its successors), then each plan's actions with the word diff of every link into them.
    Inline CSS, no scripts, nothing fetched."""
    head = html.escape(title(lineage))
    links = _links(lineage)
    plans = "\n".join(_html_plan(lineage, links, plan) for plan in _plans_shown(lineage))
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{head}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{head}</h1>\n{_html_graph(lineage, links)}\n{plans}\n</body>\n</html>\n"
    )


def _html_graph(lineage: Lineage, links: list[_Link]) -> str:
    shown = _plans_shown(lineage)
    heads = "".join(f"<th>{html.escape(lineage.plans[p].key)}</th>" for p in shown)
    cells = "".join(
        "<td><ul>"
        + "".join(_html_graph_item(lineage, links, n) for n in _nodes_of(lineage, p))
        + "</ul></td>"
        for p in shown
    )
    return f'<table class="graph">\n<tr>{heads}</tr>\n<tr>{cells}</tr>\n</table>'


def _html_graph_item(lineage: Lineage, links: list[_Link], node: LineageNode) -> str:
    after = [f"new in {html.escape(lineage.plans[node.plan].key)}"] * any(
        link.old is None for link in _into(links, node)
    ) + [
        f"→ {_html_end(lineage, link, False)} ({html.escape(_how(link.edge))})"
        for link in _out_of(links, node)
    ]
    anchor = f'<a href="#{html.escape(node.uid)}">{html.escape(node.action)}</a>'
    return f"<li>{anchor}{'<br>'.join(['', *after])}</li>"


def _html_end(lineage: Lineage, link: _Link, incoming: bool) -> str:
    node = link.old if incoming else link.new
    label = html.escape(_other_end(lineage, link, incoming))
    return label if node is None else f'<a href="#{html.escape(node.uid)}">{label}</a>'


def _html_plan(lineage: Lineage, links: list[_Link], plan: int) -> str:
    info = lineage.plans[plan]
    parts = [
        '<section class="plan">',
        f'<h2>{html.escape(info.key)}<span class="doc">{html.escape(info.doc_id)}</span></h2>',
    ]
    for node in _nodes_of(lineage, plan):
        parts.append(_html_node(lineage, links, node))
    return "\n".join([*parts, "</section>"])


def _html_node(lineage: Lineage, links: list[_Link], node: LineageNode) -> str:
    lang = _lang(lineage, node)
    parts = [
        f'<article class="node" id="{html.escape(node.uid)}">',
        f"<h3>{html.escape(_label(lineage, node))}</h3>",
        _html_text(lang, html.escape(node.text)),
    ]
    for link in _into(links, node):
        parts += _html_incoming(lineage, link, lang)
    for link in _out_of(links, node):
        end = _html_end(lineage, link, False)
        parts.append(f'<p class="link">→ {end} ({html.escape(_how(link.edge))})</p>')
    return "\n".join([*parts, "</article>"])


def _html_incoming(lineage: Lineage, link: _Link, lang: str) -> list[str]:
    head = f"← {_html_end(lineage, link, True)} ({html.escape(_how(link.edge))})"
    if link.languages_differ:
        return [f'<p class="link">{head}: {html.escape(_languages_note(lineage, link))}</p>']
    if link.ops is None:
        return [f'<p class="link">{head}</p>']
    if _unchanged(link.ops):
        return [f'<p class="link">{head}: no differences</p>']
    marked = "".join(_html_piece(op, text) for op, text in link.ops)
    return [f'<p class="link">{head}</p>', _html_text(lang, marked, "text diff")]


def _html_text(lang: str, inner: str, kind: str = "text") -> str:
    return f'<p class="{kind}" lang="{html.escape(lang)}">{inner}</p>'


def _html_piece(op: str, text: str) -> str:
    if op == EQUAL:
        return html.escape(text)
    tag = _HTML_TAG[op]
    return f"<{tag}>{html.escape(text)}</{tag}>"


# --- JSON ----------------------------------------------------------------------------------


def render_json(lineage: Lineage) -> str:
    """`{"title", "plans", "nodes", "edges"}`: the chain's plans oldest first, nodes by xml:id, edges `from` → `to` (null for a
    new or dropped action) with the word diff (null where nothing was diffed)."""
    payload = {
        "title": title(lineage),
        "plans": [{"plan": p.key, "doc_id": p.doc_id, "lang": p.lang} for p in lineage.plans],
        "nodes": [_node_record(lineage, node) for node in lineage.nodes],
        "edges": [_edge_record(lineage, link) for link in _links(lineage)],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _node_record(lineage: Lineage, node: LineageNode) -> dict:
    plan = lineage.plans[node.plan]
    return {
        "id": node.uid,
        "plan": plan.key,
        "doc_id": plan.doc_id,
        "action": node.action,
        "lang": plan.lang,
        "text": node.text,
    }


def _edge_record(lineage: Lineage, link: _Link) -> dict:
    edge = link.edge
    return {
        "from": link.old.uid if link.old else None,
        "to": link.new.uid if link.new else None,
        "from_plan": lineage.plans[edge.step].key,
        "to_plan": lineage.plans[edge.step + 1].key,
        "relation": edge.relation,
        "score": edge.score,
        "languages_differ": link.languages_differ,
        "diff": None if link.ops is None else [list(op) for op in link.ops],
    }
