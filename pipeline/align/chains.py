"""Chains of plans from the manifest's `plan` and `follows` keys, each step aligned."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.align.lexicon import Lexicon
from pipeline.align.overrides import Override
from pipeline.align.plans import Succession, align_plans, apply_succession_overrides
from pipeline.model import Document
from pipeline.model.findings import xml_id


@dataclass
class Chain:
    plans: list[Document]  # oldest first
    steps: list[list[Succession]]  # steps[k]: plans[k] → plans[k + 1]
    warnings: list[str] = field(default_factory=list)  # decisions that could not be applied


def plan_chains(docs: list[Document]) -> list[list[Document]]:
    """Plans in succession order; one document per plan, in the first plan's language."""
    by_plan: dict[str, list[Document]] = {}
    for doc in docs:
        if doc.meta.plan:
            by_plan.setdefault(doc.meta.plan, []).append(doc)
    successors: dict[str, list[str]] = {}
    for plan, versions in by_plan.items():
        follows = versions[0].meta.follows
        if follows in by_plan:
            successors.setdefault(follows, []).append(plan)
    starts = [p for p, v in by_plan.items() if v[0].meta.follows not in by_plan]
    chains = []
    for start in sorted(starts):
        for path in _paths(start, successors):
            if len(path) > 1:
                lang = by_plan[start][0].meta.language
                chains.append([_version(by_plan[p], lang) for p in path])
    return chains


def _paths(plan: str, successors: dict[str, list[str]]) -> list[list[str]]:
    following = sorted(successors.get(plan, []))
    if not following:
        return [[plan]]
    return [[plan, *rest] for nxt in following for rest in _paths(nxt, successors)]


def _version(versions: list[Document], lang: str) -> Document:
    return next((v for v in versions if v.meta.language == lang), versions[0])


def align_chain(
    plans: list[Document], lexicon: Lexicon, overrides: list[Override] | None = None
) -> Chain:
    warnings: list[str] = []
    steps = [
        apply_succession_overrides(align_plans(a, b, lexicon), a, b, overrides or [], warnings)
        for a, b in pairwise(plans)
    ]
    return Chain(plans, steps, warnings)


@dataclass(frozen=True)
class LineagePlan:
    key: str  # plan key, e.g. "lausanne"
    doc_id: str
    lang: str


@dataclass(frozen=True)
class LineageNode:
    plan: int  # index into `Lineage.plans`, oldest first
    action: str  # number as printed
    uid: str  # the action's xml:id
    text: str  # the action's text, its paragraphs one a line


@dataclass(frozen=True)
class LineageEdge:
    step: int  # plans[step] → plans[step + 1]
    old: str | None  # action number in plans[step]; None for `new`
    new: str | None  # action number in plans[step + 1]; None for `dropped`
    relation: str  # same | reworded | split | merged | new | dropped
    score: float


@dataclass
class Lineage:
    """A lineage as a graph: the actions linked to one action, however far, and their links.

    Nodes are in plan order (oldest first), then in document order; edges in step order.
    """

    plans: list[LineagePlan]  # the whole chain, oldest first
    nodes: list[LineageNode]
    edges: list[LineageEdge]

    def node(self, plan: int, action: str | None) -> LineageNode | None:
        return next((n for n in self.nodes if n.plan == plan and n.action == action), None)


def lineage_of(chain: Chain, plan: int, action: str) -> Lineage:
    """The connected part of the chain's link graph holding action `action` of plans[plan]."""
    members = _component(chain.steps, (plan, action))
    nodes = [
        LineageNode(index, a.n, xml_id(doc, a.uid), "\n".join(t.text for t in [a.body, *a.more]))
        for index, doc in enumerate(chain.plans)
        for a in doc.actions()
        if (index, a.n) in members
    ]
    edges = [
        LineageEdge(step, s.old, s.new, s.relation, s.score)
        for step, links in enumerate(chain.steps)
        for s in links
        if (step, s.old) in members or (step + 1, s.new) in members
    ]
    plans = [LineagePlan(d.meta.plan or d.id, d.id, d.meta.language) for d in chain.plans]
    return Lineage(plans, nodes, edges)


def _component(steps: list[list[Succession]], start: tuple[int, str]) -> set[tuple[int, str]]:
    """Every (plan index, action) reached from `start` along links, forwards or backwards."""
    neighbours: dict[tuple[int, str], set[tuple[int, str]]] = {}
    for step, links in enumerate(steps):
        for s in links:
            if s.old is not None and s.new is not None:
                neighbours.setdefault((step, s.old), set()).add((step + 1, s.new))
                neighbours.setdefault((step + 1, s.new), set()).add((step, s.old))
    reached, frontier = {start}, [start]
    while frontier:
        for other in neighbours.get(frontier.pop(), set()):
            if other not in reached:
                reached.add(other)
                frontier.append(other)
    return reached
