"""`planalign trace`: one action's lineage through the corpus' chains of plans."""

from __future__ import annotations

from pathlib import Path

from pipeline.align.chains import Chain, align_chain, lineage_of, plan_chains
from pipeline.align.overrides import OVERRIDES, load_overrides
from pipeline.corpus.manifest import load_manifest
from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.model import Document
from pipeline.terminology import glossary_lexicon
from pipeline.writers.lineage import render_html, render_json, render_text


def trace_action(root: Path, action: str, plan: str | None, fmt: str, color: bool) -> str:
    """The lineage of action `action` of plan `plan` (default: the latest plan of a chain;
    when the latest plans of several chains hold such an action, `plan` must say which)."""
    chains = _chains(root)
    if plan is None:
        _refuse_ambiguous(root, chains, action)
    for chain in chains:
        keys = [doc.meta.plan for doc in chain.plans]
        column = keys.index(plan) if plan in keys else (len(keys) - 1 if plan is None else None)
        if column is not None and any(a.n == action for a in chain.plans[column].actions()):
            lineage = lineage_of(chain, column, action)
            if fmt == "html":
                return render_html(lineage)
            return render_json(lineage) if fmt == "json" else render_text(lineage, color)
    where = f"plan {plan!r}" if plan else "the latest plan of any chain"
    known = ", ".join("→".join(d.meta.plan or d.id for d in c.plans) for c in chains) or "none"
    raise InputError(f"{root / 'corpus'}", f"no action {action} in {where} (chains: {known})")


def _refuse_ambiguous(root: Path, chains: list[Chain], action: str) -> None:
    latest = [c.plans[-1] for c in chains if any(a.n == action for a in c.plans[-1].actions())]
    if len(latest) > 1:
        keys = ", ".join(doc.meta.plan or doc.id for doc in latest)
        raise InputError(
            f"{root / 'corpus'}",
            f"action {action} is in the latest plan of {len(latest)} chains ({keys}): "
            "say which with --plan KEY",
        )


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
