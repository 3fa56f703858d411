"""Chains of plans from the manifest's `plan` and `follows` keys, each step aligned."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.align.lexicon import Lexicon
from pipeline.align.overrides import Override
from pipeline.align.plans import Succession, align_plans, apply_succession_overrides
from pipeline.model import Document


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
