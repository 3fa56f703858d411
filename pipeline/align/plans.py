"""Alignment across plans: every action of one plan linked to its successor(s) in the next.

Each action becomes a bag of weighted terms — its text, its indicators and its chapter's
heading, in one term space (Chinese tokens, English stems; a Chinese plan compared with an
English one is put into English stems through the lexicon) — weighted by rarity across both
plans, so that a shared rare term says more than 缔约国 or "States Parties". One global
assignment (the Hungarian method) pairs the actions; a second look allows an old action to
split into several new ones and several old ones to merge into one; what stays under the
threshold is `dropped` (old) or `new`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from types import MappingProxyType

from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from pipeline.align.lexicon import Lexicon
from pipeline.languages import CHINESE, ENGLISH, table
from pipeline.languages.numerals import chinese_value
from pipeline.model import Action, Document, Section


@dataclass(frozen=True)
class PlanSettings:
    """The plan aligner's tuning (on the Lausanne → Siem Reap–Angkor pair of the corpus)."""

    # A pair must score this to be a succession; below, the old action is dropped and the
    # new one is new ...
    min_score: float = 0.17
    # ... unless it scores this much and both are each other's best match by this margin.
    floor: float = 0.1
    mutual_margin: float = 1.0
    # A second successor (split) or predecessor (merge) must score this share of the first.
    split_share: float = 0.75
    # Texts this similar (rapidfuzz ratio, 0-100) are the same action, not a rewording.
    same_ratio: float = 95
    # Weights of the fields compared. "content" is text and indicators together: what one
    # plan says in the action and the other in an indicator (a deadline, a report to submit)
    # still counts.
    weights: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(
            {"text": 0.35, "indicators": 0.1, "content": 0.45, "section": 0.1}
        )
    )
    # A glossary term or an article reference counts as this many words: curated domain
    # terms say more than the character pairs around them.
    concept_weight: int = 3


SETTINGS = PlanSettings()
_PUNCTUATION = re.compile(r"^[\W_]+$")
_SPACED_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)*)\s*")


@dataclass
class Succession:
    old: str | None  # action number as printed, None for a new action
    new: str | None  # None for a dropped action
    relation: str  # same | reworded | split | merged | new | dropped
    score: float
    old_uid: str | None = None
    new_uid: str | None = None


@dataclass
class _Profile:
    action: Action
    terms: dict[str, Counter[str]]  # field → term counts


def align_plans(
    old: Document, new: Document, lexicon: Lexicon, settings: PlanSettings = SETTINGS
) -> list[Succession]:
    """Every action of `old` linked to its successor(s) in `new`, or dropped; the actions of
    `new` without predecessor are new."""
    terms = _Terms(lexicon, settings.concept_weight)
    profiles_old = _profiles(old, new.meta.language, terms)
    profiles_new = _profiles(new, old.meta.language, terms)
    idf = _idf([*profiles_old, *profiles_new])
    scores = [[_similarity(a, b, idf, settings) for b in profiles_new] for a in profiles_old]
    return _relations(profiles_old, profiles_new, scores, settings)


# Term profiles.
def _profiles(doc: Document, other_lang: str, terms_of: _Terms) -> list[_Profile]:
    heads = _section_heads(doc)
    lang = doc.meta.language
    cross = lang != other_lang
    profiles = []
    for action in doc.actions():
        text = " ".join(t.text for t in [action.body, *action.more])
        indicators = " ".join(i.body.text for i in action.indicators)
        terms = {
            "text": terms_of(text, lang, cross),
            "indicators": terms_of(indicators, lang, cross),
            "section": terms_of(heads.get(action.uid, ""), lang, cross),
        }
        terms["content"] = terms["text"] + terms["indicators"]
        profiles.append(_Profile(action, terms))
    return profiles


def _section_heads(doc: Document) -> dict[str, str]:
    heads: dict[str, str] = {}

    def walk(sections: list[Section], head: str) -> None:
        for section in sections:
            title = section.head.text if section.kind == "section" else head
            for block in section.blocks:
                heads[block.uid] = title
            walk(section.subsections, title)

    walk(doc.sections, "")
    return heads


class _Terms:
    """An action's text as terms: words (English stems; Chinese tokens and character pairs,
    or their English stems when the other plan is English), plus concepts in one form for
    both languages, each counting as `weight` words — article references (第七条, 第 7 条 and
    Article 7 are all `§7`) and the glossary's terms in any accepted form (`⟨victim
    assistance⟩`)."""

    def __init__(self, lexicon: Lexicon, weight: int):
        self.lexicon, self.weight = lexicon, weight
        self.concepts: dict[str, list[tuple[str, Callable[[str], list[str]]]]] = {
            CHINESE.code: [],
            ENGLISH.code: [],
        }
        for english, chinese in lexicon.glossary:
            if len(chinese) < 2:  # 条 alone would be found in 条件, 条例 …
                continue
            concept = f"⟨{english}⟩"
            self.concepts[CHINESE.code].append((concept, re.compile(re.escape(chinese)).findall))
            self.concepts[ENGLISH.code].append(
                (concept, re.compile(rf"\b{re.escape(english)}", re.IGNORECASE).findall)
            )

    def __call__(self, text: str, lang: str, cross: bool) -> Counter[str]:
        language, lexicon = table(lang), self.lexicon
        if language.numbers_spaced_out:  # 4 月 30 日 is 4月30日
            text = _SPACED_NUMBER.sub(r"\1", text)
        printed = Counter(language.article.findall(text) if language.article else ())
        concepts = Counter({f"§{_arabic(n)}": c for n, c in printed.items()})
        concepts += Counter(
            {
                concept: len(found)
                for concept, find in self.concepts.get(lang, ())
                if (found := find(text))
            }
        )
        concepts = Counter({concept: count * self.weight for concept, count in concepts.items()})
        if lang != CHINESE.code:  # English, in the lexicon's two languages
            return Counter(lexicon.en_tokens(text)) + concepts
        tokens = [t for t in lexicon.zh_tokens(text) if t.strip() and not _PUNCTUATION.match(t)]
        if not cross:
            pairs = [
                a + b for chunk in language.script_run.findall(text) for a, b in pairwise(chunk)
            ]
            return Counter(tokens) + Counter(pairs) + concepts
        terms: Counter[str] = Counter()
        for token in tokens:
            terms.update(lexicon.translations(token))
        return terms + concepts


def _arabic(number: str) -> str:
    return number if number.isdigit() else str(chinese_value(number))


def _idf(profiles: list[_Profile]) -> dict[str, float]:
    documents = Counter(term for p in profiles for term in set().union(*p.terms.values()))
    total = len(profiles)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in documents.items()}


def _similarity(a: _Profile, b: _Profile, idf: dict[str, float], settings: PlanSettings) -> float:
    """Weighted over the fields either action has: two actions without indicators are not
    held apart by their absence."""
    present = {n: w for n, w in settings.weights.items() if a.terms[n] or b.terms[n]}
    total = sum(present.values()) or 1.0
    return sum(w * _cosine(a.terms[n], b.terms[n], idf) for n, w in present.items()) / total


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(a[t] * b[t] * idf[t] ** 2 for t in a.keys() & b.keys())
    norm_a = math.sqrt(sum((c * idf[t]) ** 2 for t, c in a.items()))
    norm_b = math.sqrt(sum((c * idf[t]) ** 2 for t, c in b.items()))
    return dot / (norm_a * norm_b)


# One global assignment, then splits and merges.
def _relations(
    old: list[_Profile], new: list[_Profile], scores: list[list[float]], settings: PlanSettings
) -> list[Succession]:
    pairs: dict[tuple[int, int], float] = {}
    if old and new:
        rows, cols = linear_sum_assignment([[-s for s in row] for row in scores])
        pairs = {
            (i, j): scores[i][j]
            for i, j in zip(rows, cols, strict=True)
            if _worth_linking(scores, i, j, settings)
        }
    pairs.update(_second_links(scores, pairs, settings))  # splits: a second successor
    transposed = [list(column) for column in zip(*scores, strict=True)] if scores else []
    merges = _second_links(transposed, {(j, i): s for (i, j), s in pairs.items()}, settings)
    pairs.update({(i, j): s for (j, i), s in merges.items()})  # merges: a second predecessor
    return _label(old, new, pairs, settings)


def _worth_linking(scores: list[list[float]], i: int, j: int, settings: PlanSettings) -> bool:
    """Above the threshold; or, a little under it, each other's best match by a margin."""
    score = scores[i][j]
    if score >= settings.min_score:
        return True
    if score < settings.floor:
        return False
    row = sorted((s for k, s in enumerate(scores[i]) if k != j), reverse=True)
    column = sorted((scores[k][j] for k in range(len(scores)) if k != i), reverse=True)
    rival = max(row[:1] + column[:1], default=0.0)
    return score >= rival * settings.mutual_margin


def _second_links(
    scores: list[list[float]], pairs: dict[tuple[int, int], float], settings: PlanSettings
) -> dict[tuple[int, int], float]:
    """Columns left without a link whose best row is linked already and scores near it."""
    taken = {j for _, j in pairs}
    found = {}
    for j in range(len(scores[0]) if scores else 0):
        if j in taken:
            continue
        i = max(range(len(scores)), key=lambda k: scores[k][j])
        others = [s for (p, _), s in pairs.items() if p == i]
        if (
            others
            and scores[i][j] >= settings.min_score
            and (scores[i][j] >= settings.split_share * max(others))
        ):
            found[(i, j)] = scores[i][j]
    return found


def _label(
    old: list[_Profile],
    new: list[_Profile],
    pairs: dict[tuple[int, int], float],
    settings: PlanSettings,
) -> list[Succession]:
    successors = Counter(i for i, _ in pairs)
    predecessors = Counter(j for _, j in pairs)
    out: list[Succession] = []
    for i, profile in enumerate(old):
        links = sorted((j, s) for (p, j), s in pairs.items() if p == i)
        if not links:
            out.append(Succession(profile.action.n, None, "dropped", 0.0, profile.action.uid))
        for j, score in links:
            out.append(
                Succession(
                    profile.action.n,
                    new[j].action.n,
                    _relation(profile, new[j], successors[i], predecessors[j], settings),
                    round(score, 3),
                    profile.action.uid,
                    new[j].action.uid,
                )
            )
    for j, profile in enumerate(new):
        if not predecessors[j]:
            out.append(Succession(None, profile.action.n, "new", 0.0, None, profile.action.uid))
    return out


def _relation(
    a: _Profile, b: _Profile, successors: int, predecessors: int, settings: PlanSettings
) -> str:
    if successors > 1:
        return "split"
    if predecessors > 1:
        return "merged"
    text_a, text_b = a.action.body.text, b.action.body.text
    return "same" if fuzz.ratio(text_a, text_b) >= settings.same_ratio else "reworded"


def apply_succession_overrides(
    links: list[Succession],
    old: Document,
    new: Document,
    overrides,
    warnings: list[str] | None = None,
) -> list[Succession]:
    """Human decisions (`alignments/overrides.tsv`, action xml:ids) over the links found; a
    decision about these two plans naming no action of theirs goes to `warnings`."""
    actions_old = {a.uid: a.n for a in old.actions()}
    actions_new = {a.uid: a.n for a in new.actions()}
    for override in overrides:
        ids = (override.source, override.target)
        o = next((i[len(old.id) + 1 :] for i in ids if i.startswith(old.id + ".")), None)
        n = next((i[len(new.id) + 1 :] for i in ids if i.startswith(new.id + ".")), None)
        if o is None or n is None:
            continue  # a decision about other documents
        if o not in actions_old or n not in actions_new:
            unknown = [
                f"{doc.id}.{uid}"
                for doc, uid, actions in ((old, o, actions_old), (new, n, actions_new))
                if uid not in actions
            ]
            if warnings is not None:
                warnings.append(
                    f"the decision of line {override.line} of the overrides was "
                    f"not applied: {', '.join(unknown)} names no action"
                )
            continue
        if override.decision == "unlink":
            links = [s for s in links if not (s.old_uid == o and s.new_uid == n)]
        else:
            links = [s for s in links if s.old_uid != o and s.new_uid != n]
            links.append(Succession(actions_old[o], actions_new[n], "reworded", 1.0, o, n))
        links = _with_missing(links, old, new)
    return sorted(links, key=_order(old, new))


def _with_missing(links: list[Succession], old: Document, new: Document) -> list[Succession]:
    """Actions a decision left without any link become dropped or new again."""
    linked_old = {s.old_uid for s in links if s.new_uid}
    linked_new = {s.new_uid for s in links if s.old_uid}
    kept = [
        s
        for s in links
        if (s.old_uid and s.new_uid)
        or (s.relation == "dropped" and s.old_uid not in linked_old)
        or (s.relation == "new" and s.new_uid not in linked_new)
    ]
    present = {(s.old_uid, s.new_uid) for s in kept}
    kept += [
        Succession(a.n, None, "dropped", 0.0, a.uid)
        for a in old.actions()
        if a.uid not in linked_old and (a.uid, None) not in present
    ]
    kept += [
        Succession(None, a.n, "new", 0.0, None, a.uid)
        for a in new.actions()
        if a.uid not in linked_new and (None, a.uid) not in present
    ]
    return kept


def _order(old: Document, new: Document):
    rank_old = {a.uid: k for k, a in enumerate(old.actions())}
    rank_new = {a.uid: k for k, a in enumerate(new.actions())}
    return lambda s: (rank_old.get(s.old_uid, len(rank_old)), rank_new.get(s.new_uid, -1))


def lineages(plans: list[Document], steps: list[list[Succession]]) -> list[list[str | None]]:
    """One row per lineage through a chain of plans: the action's number in each plan."""
    rows: list[list[str | None]] = [[a.n] for a in plans[0].actions()]
    for index, links in enumerate(steps):
        grown: list[list[str | None]] = []
        for row in rows:
            successors = [
                s.new
                for s in links
                if row[-1] is not None and s.old == row[-1] and s.new is not None
            ]
            grown += [[*row, n] for n in successors] or [[*row, None]]
        seen = {row[-1] for row in grown}
        grown += [
            [None] * (index + 1) + [a.n] for a in plans[index + 1].actions() if a.n not in seen
        ]
        rows = grown
    return rows
