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
    found = [(c, column) for c in chains if (column := _column(c, plan, action)) is not None]
    corpus = f"{root / 'corpus'}"
    if not found:
        where = f"plan {plan!r}" if plan else "the latest plan of any chain"
        known = ", ".join("→".join(d.meta.plan or d.id for d in c.plans) for c in chains)
        raise InputError(corpus, f"no action {action} in {where} (chains: {known or 'none'})")
    if plan is None and len(found) > 1:
        keys = ", ".join(c.plans[column].meta.plan or c.plans[column].id for c, column in found)
        raise InputError(
            corpus,
            f"action {action} is in the latest plan of {len(found)} chains ({keys}): "
            "say which with --plan KEY",
        )
    lineage = lineage_of(*found[0], action)
    if fmt == "html":
        return render_html(lineage)
    return render_json(lineage) if fmt == "json" else render_text(lineage, color)


def _column(chain: Chain, plan: str | None, action: str) -> int | None:
    """Where plan `plan` (None: the latest) stands in the chain, if it has the action."""
    keys = [doc.meta.plan for doc in chain.plans]
    column = keys.index(plan) if plan in keys else (len(keys) - 1 if plan is None else None)
    if column is None or not any(a.n == action for a in chain.plans[column].actions()):
        return None
    return column


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
