"""Succession speed: 50 x 50 actions (target < 1 s); a chain of 5 plans of 60 actions (< 3 s).
And quality on the two real plans: the correspondences read off both by hand
(tests/fixtures/lausanne-srap.tsv) found by this aligner and by plain string similarity with
the same global assignment (the baseline the issue names).

The plans are the real Lausanne and Siem Reap–Angkor texts; the 60-action plans are Lausanne
followed by Siem Reap–Angkor's first actions, renumbered. The reference run in the same
process is extracting the two seed files.
"""

from __future__ import annotations

import copy
from pathlib import Path

from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from benchmarks import best_of
from pipeline.align.chains import align_chain
from pipeline.align.lexicon import Lexicon
from pipeline.align.plans import align_plans
from pipeline.extract import extract_file
from pipeline.model import Document
from pipeline.terminology import glossary_lexicon

ROOT = Path(__file__).resolve().parent.parent
LAUSANNE = ROOT / "corpus/001_591293dc92ae0fa4.txt"
SRAP = ROOT / "corpus/000_6c6220c63a51d5e0.txt"
GOLD = ROOT / "tests/fixtures/lausanne-srap.tsv"


def sixty(lausanne: Document, srap: Document, key: str) -> Document:
    plan = copy.deepcopy(lausanne)
    extra = copy.deepcopy(srap.sections[:3])
    number = len(plan.actions())
    for section in extra:
        for action in [b for b in section.blocks if hasattr(b, "indicators")]:
            number += 1
            action.n, action.uid = str(number), f"a{number}"
    plan.sections += extra
    plan.id, plan.meta.plan = key, key
    return plan


def run(folder: Path) -> list[str]:
    lausanne = extract_file(LAUSANNE, "lausanne-zh", "zh")
    srap = extract_file(SRAP, "srap-draft-zh", "zh")
    lexicon = glossary_lexicon()  # built once by the caller: not part of the figure
    reference = best_of(lambda: (extract_file(LAUSANNE, "l", "zh"), extract_file(SRAP, "s", "zh")))
    pair = best_of(lambda: align_plans(lausanne, lausanne, lexicon))
    chain = [sixty(lausanne, srap, f"plan-{k}") for k in range(5)]
    chained = best_of(lambda: align_chain(chain, lexicon))
    sizes = "x".join(str(len(p.actions())) for p in chain)
    line = (
        f"succession: 50 x 50 actions in {pair:.2f} s (target < 1 s); chain of 5 plans "
        f"({sizes} actions) in {chained:.2f} s (target < 3 s); extracting the two "
        f"plans: {reference:.2f} s"
    )
    return [line, quality(lausanne, srap, lexicon)]


def quality(old: Document, new: Document, lexicon: Lexicon) -> str:
    gold = {tuple(row.split("\t")) for row in GOLD.read_text(encoding="utf-8").splitlines()[1:]}
    ours = {(s.old, s.new) for s in align_plans(old, new, lexicon) if s.old and s.new}
    return (
        f"succession quality, Lausanne -> Siem Reap-Angkor: {len(gold & ours)}/{len(gold)} "
        f"hand-read correspondences found, {len(ours - gold)} other links; plain string "
        f"similarity + global assignment: {len(gold & string_baseline(old, new))}/{len(gold)}"
    )


def string_baseline(old: Document, new: Document) -> set[tuple[str, str]]:
    actions_old, actions_new = old.actions(), new.actions()
    cost = [[-fuzz.ratio(a.body.text, b.body.text) for b in actions_new] for a in actions_old]
    rows, cols = linear_sum_assignment(cost)
    return {(actions_old[i].n, actions_new[j].n) for i, j in zip(rows, cols, strict=True)}


if __name__ == "__main__":
    print("\n".join(run(Path("."))))
