"""`planalign trace`: one action's lineage through the corpus' chains of plans."""

from __future__ import annotations

from pathlib import Path

from pipeline.align.chains import Chain, align_chain, plan_chains
from pipeline.align.overrides import OVERRIDES, load_overrides
from pipeline.align.plans import lineages
from pipeline.corpus.manifest import load_manifest
from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.model import Action, Document
from pipeline.terminology import glossary_lexicon
from pipeline.writers.lineage import Step, render_html, render_json, render_text


def trace_action(root: Path, action: str, plan: str | None, fmt: str, color: bool) -> str:
    chains = _chains(root)
    for chain in chains:
        keys = [doc.meta.plan for doc in chain.plans]
        column = keys.index(plan) if plan in keys else (len(keys) - 1 if plan is None else None)
        if column is None:
            continue
        rows = [row for row in lineages(chain.plans, chain.steps) if row[column] == action]
        if rows:
            steps = [step for row in rows for step in _steps(chain, row)]
            return {"html": render_html, "json": render_json}.get(
                fmt, lambda s: render_text(s, color)
            )(steps)
    where = f"plan {plan!r}" if plan else "the latest plan of any chain"
    known = ", ".join("→".join(d.meta.plan or d.id for d in c.plans) for c in chains) or "none"
    raise InputError(f"{root / 'corpus'}", f"no action {action} in {where} (chains: {known})")


def _chains(root: Path) -> list[Chain]:
    manifest = root / "corpus" / "manifest.toml"
    if not manifest.exists():
        raise InputError(str(manifest), "no manifest: plans and their order come from it")
    docs: list[Document] = []
    for entry in load_manifest(manifest, "corpus/manifest.toml"):
        if entry.plan:
            docs.append(
                extract_file(
                    root / "corpus" / entry.file,
                    entry.id,
                    entry.lang,
                    f"corpus/{entry.file}",
                    entry.metadata(),
                )
            )
    overrides = load_overrides(root / OVERRIDES)
    chains = plan_chains(docs)
    if not chains:
        return []
    lexicon = glossary_lexicon()
    return [align_chain(plans, lexicon, overrides) for plans in chains]


def _steps(chain: Chain, row: list[str | None]) -> list[Step]:
    steps: list[Step] = []
    for index, (doc, number) in enumerate(zip(chain.plans, row, strict=True)):
        if number is None:
            continue
        link = None
        if index and row[index - 1] is not None:
            link = next(
                (s for s in chain.steps[index - 1] if s.old == row[index - 1] and s.new == number),
                None,
            )
        steps.append(
            Step(
                doc.meta.plan or doc.id,
                doc.id,
                number,
                link.relation if link else ("" if not steps else "new"),
                link.score if link else None,
                _text(doc, number),
                doc.meta.language,
            )
        )
    return steps


def _text(doc: Document, number: str) -> str:
    action: Action = next(a for a in doc.actions() if a.n == number)
    return "\n".join(t.text for t in [action.body, *action.more])
