"""The lineage page of a chain of plans: every action of every plan and its links to the
next plan.

At the top, a graph: one column per plan, one box per action in the plan's order, a line per
link, coloured by relation, so that a split (one box, two lines out) and a merge (two lines
into one box) show as such, and a new or dropped action stands alone. Below, each step as a
table of its groups of linked actions (a split in one row: the old action, both new ones),
with the word differences of each link against its predecessor. Every box and cell links to
the action in its document page.
"""

from __future__ import annotations

from itertools import pairwise

from lxml import etree

from pipeline.align.plans import Succession
from pipeline.model import Document
from pipeline.model.diff import DELETE, INSERT, word_diff
from pipeline.writers.pages.catalogue import PageUnit, catalogue
from pipeline.writers.pages.markup import doc_href, h, page

RELATIONS = ("same", "reworded", "split", "merged", "new", "dropped")
COLUMN, BOX_WIDTH, ROW, BOX_HEIGHT, TOP = 240, 92, 24, 18, 30


def lineage_page(name: str, plans: list[Document], steps: list[list[Succession]]) -> bytes:
    """`name` the chain's (lineages.<plan>--<plan>…); `steps[k]` links plans[k] to k + 1."""
    title = " → ".join(p.meta.plan or p.id for p in plans)
    units = [catalogue(plan) for plan in plans]
    header = h(
        "header",
        {"class": "lineage-header"},
        h("h1", None, f"Lineage: {title}"),
        h(
            "p",
            {"class": "summary"},
            [
                [
                    h("a", {"href": doc_href(p.id)}, p.meta.title or p.id),
                    " → " if k < len(plans) - 1 else "",
                ]
                for k, p in enumerate(plans)
            ],
        ),
        h(
            "p",
            {"class": "summary"},
            h("a", {"href": f"../../../alignments/{name}.tsv"}, "one row per lineage (TSV)"),
        ),
        _legend(),
    )
    graph = h(
        "figure",
        {"class": "graph"},
        _graph(plans, steps),
        h("figcaption", None, "Each box an action; each line a link to the next plan."),
    )
    tables = [
        _step_table(old, new, (units[k], units[k + 1]), steps[k])
        for k, (old, new) in enumerate(pairwise(plans))
    ]
    return page(f"Lineage {title}", 1, "lineage-page", header, graph, tables)


def _legend() -> etree._Element:
    return h(
        "ul",
        {"class": "legend"},
        [h("li", {"class": f"rel rel-{r}"}, r) for r in RELATIONS],
    )


# The graph ---------------------------------------------------------------------------------
def _graph(plans: list[Document], steps: list[list[Succession]]) -> etree._Element:
    rows = {(k, a.uid): i for k, plan in enumerate(plans) for i, a in enumerate(plan.actions())}
    tallest = max((len(p.actions()) for p in plans), default=0)
    width = COLUMN * (len(plans) - 1) + BOX_WIDTH + 2
    height = TOP + tallest * ROW + 4
    svg = h(
        "svg",
        {
            "class": "lineage-graph",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-label": "lineage graph",
        },
    )
    for k, step in enumerate(steps):
        for link in step:
            if link.old_uid and link.new_uid and (k, link.old_uid) in rows:
                svg.append(
                    _edge(k, rows[(k, link.old_uid)], rows.get((k + 1, link.new_uid), 0), link)
                )
    linked = _linked(steps)
    for k, plan in enumerate(plans):
        svg.append(
            h(
                "text",
                {"x": str(k * COLUMN + 1), "y": "16", "class": "plan"},
                plan.meta.plan or plan.id,
            )
        )
        for i, action in enumerate(plan.actions()):
            svg.append(_box(plan, k, i, action.n, action.uid, action.body.text, linked))
    return svg


def _linked(steps: list[list[Succession]]) -> dict[tuple[int, str], str]:
    """(plan index, uid) → the relation of an action that stands alone (new, dropped)."""
    out: dict[tuple[int, str], str] = {}
    for k, step in enumerate(steps):
        for link in step:
            if link.relation == "dropped" and link.old_uid:
                out[(k, link.old_uid)] = "dropped"
            if link.relation == "new" and link.new_uid:
                out[(k + 1, link.new_uid)] = "new"
    return out


def _edge(k: int, row_old: int, row_new: int, link: Succession) -> etree._Element:
    x1, x2 = k * COLUMN + BOX_WIDTH, (k + 1) * COLUMN
    y1 = TOP + row_old * ROW + BOX_HEIGHT / 2
    y2 = TOP + row_new * ROW + BOX_HEIGHT / 2
    middle = (x1 + x2) / 2
    return h(
        "path",
        {
            "d": f"M{x1},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {x2},{y2:g}",
            "class": f"edge rel-{link.relation}",
        },
        h("title", None, f"{link.old} → {link.new}: {link.relation} ({link.score:.2f})"),
    )


def _box(
    plan: Document, k: int, i: int, n: str, uid: str, text: str, alone: dict[tuple[int, str], str]
) -> etree._Element:
    x, y = k * COLUMN + 1, TOP + i * ROW
    state = alone.get((k, uid), "linked")
    return h(
        "a",
        {"href": doc_href(plan.id, uid), "class": f"node {state}"},
        h("title", None, f"{plan.meta.plan or plan.id} action {n}: {text[:160]}"),
        h(
            "rect",
            {
                "x": str(x),
                "y": str(y),
                "width": str(BOX_WIDTH),
                "height": str(BOX_HEIGHT),
                "rx": "3",
            },
        ),
        h(
            "text",
            {"x": str(x + 6), "y": str(y + 13)},
            f"{n}" + (f" · {state}" if state != "linked" else ""),
        ),
    )


# The tables --------------------------------------------------------------------------------
def _step_table(
    old: Document,
    new: Document,
    units: tuple[dict[str, PageUnit], dict[str, PageUnit]],
    links: list[Succession],
) -> etree._Element:
    same_language = old.meta.language == new.meta.language
    groups = _groups(links)
    return h(
        "section",
        {"class": "step"},
        h("h2", None, f"{old.meta.plan or old.id} → {new.meta.plan or new.id}"),
        h(
            "table",
            {"class": "succession"},
            h(
                "thead",
                None,
                h(
                    "tr",
                    None,
                    h("th", None, old.meta.plan or old.id),
                    h("th", None, "relation"),
                    h("th", None, new.meta.plan or new.id),
                    h("th", None, "what changed" if same_language else "texts"),
                ),
            ),
            h(
                "tbody",
                None,
                [_group_row(group, old, new, units, same_language) for group in groups],
            ),
        ),
    )


def _groups(links: list[Succession]) -> list[list[Succession]]:
    """Links joined by an action they share (a split's, a merge's), in the order given."""
    parent = list(range(len(links)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, link in enumerate(links):
        for key in (("old", link.old_uid or ""), ("new", link.new_uid or "")):
            if not key[1]:
                continue
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    groups: dict[int, list[Succession]] = {}
    for i, link in enumerate(links):
        groups.setdefault(root(i), []).append(link)
    return list(groups.values())


def _group_row(
    group: list[Succession],
    old: Document,
    new: Document,
    units: tuple[dict[str, PageUnit], dict[str, PageUnit]],
    same_language: bool,
) -> etree._Element:
    olds = list(dict.fromkeys(s.old_uid for s in group if s.old_uid))
    news = list(dict.fromkeys(s.new_uid for s in group if s.new_uid))
    relations = list(dict.fromkeys(s.relation for s in group))
    changes = [_change(s, units, old, new, same_language) for s in group if s.old_uid and s.new_uid]
    return h(
        "tr",
        {"data-rel": " ".join(relations)},
        h(
            "td",
            {"class": "actions", "lang": old.meta.language},
            [_action_link(old, units[0], uid) for uid in olds],
        ),
        h(
            "td",
            {"class": "relation"},
            [h("span", {"class": f"rel rel-{r}"}, r) for r in relations],
        ),
        h(
            "td",
            {"class": "actions", "lang": new.meta.language},
            [_action_link(new, units[1], uid) for uid in news],
        ),
        h("td", {"class": "changes"}, changes or _alone(group, units, old, new)),
    )


def _action_link(doc: Document, units: dict[str, PageUnit], uid: str) -> etree._Element:
    unit = units.get(uid)
    return h(
        "a",
        {"class": "action-link", "href": doc_href(doc.id, uid)},
        f"Action {unit.label if unit else uid}",
    )


def _alone(group, units, old: Document, new: Document) -> list:
    """The text of a new or dropped action."""
    out = []
    for link in group:
        uid, side, doc = (link.new_uid, 1, new) if link.new_uid else (link.old_uid, 0, old)
        unit = units[side].get(uid or "")
        if unit is not None:
            out.append(h("p", {"class": "alone", "lang": doc.meta.language}, unit.plain))
    return out


def _change(
    link: Succession,
    units: tuple[dict[str, PageUnit], dict[str, PageUnit]],
    old: Document,
    new: Document,
    same_language: bool,
) -> etree._Element:
    before, after = units[0].get(link.old_uid or ""), units[1].get(link.new_uid or "")
    head = h(
        "p",
        {"class": "change-head"},
        f"{link.old} → {link.new}",
        h("span", {"class": "score"}, f" {link.score:.2f}"),
    )
    if before is None or after is None:
        return head
    if not same_language:
        return h(
            "div",
            {"class": "change"},
            head,
            h("p", {"lang": old.meta.language}, before.plain),
            h("p", {"lang": new.meta.language}, after.plain),
        )
    ops = word_diff(before.plain, after.plain, new.meta.language)
    return h(
        "div",
        {"class": "change"},
        head,
        h(
            "p",
            {"class": "diff", "lang": new.meta.language},
            [_piece(op, text) for op, text in ops],
        ),
    )


def _piece(op: str, text: str):
    if op == DELETE:
        return h("del", None, text)
    if op == INSERT:
        return h("ins", None, text)
    return text
