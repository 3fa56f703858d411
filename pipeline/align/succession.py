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

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import cn2an
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from pipeline.align.lexicon import glossary_pairs, load_lexicon
from pipeline.model import Action, Document, Section

# A pair below this is no succession: the old action is dropped, the new one is new.
LINK_THRESHOLD = 0.17
# Under it, a pair is still linked when both are each other's best match by this margin.
LINK_FLOOR, MUTUAL_MARGIN = 0.1, 1.0
# A second successor (split) or predecessor (merge) must score this share of the first.
SPLIT_SHARE = 0.75
# Texts this similar (rapidfuzz ratio, 0-100) are the same action, not a rewording.
SAME_RATIO = 95
# "content" is text and indicators together: what one plan says in the action and the other
# in an indicator (a deadline, a report to submit) still counts.
WEIGHTS = {"text": 0.35, "indicators": 0.1, "content": 0.45, "section": 0.1}
# A glossary term or an article reference counts as this many words: curated domain terms
# say more than the character pairs around them.
CONCEPT_WEIGHT = 3
_PUNCTUATION = re.compile(r"^[\W_]+$")
_SPACED_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)*)\s*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_ARTICLE = {"zh": re.compile(r"第\s*([\d一二三四五六七八九十]+)\s*条"),
            "en": re.compile(r"\bArticles?\s+(\d+)")}


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


def align_plans(old: Document, new: Document) -> list[Succession]:
    profiles_old = _profiles(old, new.meta.language)
    profiles_new = _profiles(new, old.meta.language)
    idf = _idf([*profiles_old, *profiles_new])
    scores = [[_similarity(a, b, idf) for b in profiles_new] for a in profiles_old]
    return _relations(profiles_old, profiles_new, scores)


# Term profiles.
def _profiles(doc: Document, other_lang: str) -> list[_Profile]:
    heads = _section_heads(doc)
    cross = doc.meta.language != other_lang
    profiles = []
    for action in doc.actions():
        text = " ".join(t.text for t in [action.body, *action.more])
        indicators = " ".join(i.body.text for i in action.indicators)
        terms = {
            "text": _terms(text, doc.meta.language, cross),
            "indicators": _terms(indicators, doc.meta.language, cross),
            "section": _terms(heads.get(action.uid, ""), doc.meta.language, cross),
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


def _terms(text: str, lang: str, cross: bool) -> Counter[str]:
    """Words (English stems, Chinese tokens and character pairs), plus article references in
    one form for both languages: 第七条, 第 7 条 and Article 7 are all `§7`."""
    lexicon = load_lexicon()
    if lang == "zh":  # newer texts space out numbers: 4 月 30 日 is 4月30日
        text = _SPACED_NUMBER.sub(r"\1", text)
    articles = Counter(f"§{n}" for n in _ARTICLE[lang].findall(text))
    articles = Counter({f"§{_arabic(k[1:])}": c for k, c in articles.items()})
    articles += _concepts(text, lang)
    articles = Counter({concept: count * CONCEPT_WEIGHT for concept, count in articles.items()})
    if lang == "en":
        return Counter(lexicon.en_tokens(text)) + articles
    tokens = [t for t in lexicon.zh_tokens(text) if t.strip() and not _PUNCTUATION.match(t)]
    if not cross:
        pairs = [a + b for chunk in _HAN.findall(text) for a, b in pairwise(chunk)]
        return Counter(tokens) + Counter(pairs) + articles
    terms: Counter[str] = Counter()
    for token in tokens:
        terms.update(lexicon.translations(token))
    return terms + articles


@functools.cache
def _glossary_patterns() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Each glossary term, in every accepted form, as one concept shared by both languages."""
    patterns: dict[str, list[tuple[str, re.Pattern[str]]]] = {"zh": [], "en": []}
    for english, chinese in glossary_pairs():
        if len(chinese) < 2:  # 条 alone would be found in 条件, 条例 …
            continue
        concept = f"⟨{english}⟩"
        patterns["zh"].append((concept, re.compile(re.escape(chinese))))
        patterns["en"].append((concept, re.compile(rf"\b{re.escape(english)}", re.IGNORECASE)))
    return patterns


def _concepts(text: str, lang: str) -> Counter[str]:
    return Counter({concept: len(found) for concept, pattern in _glossary_patterns()[lang]
                    if (found := pattern.findall(text))})


def _arabic(number: str) -> str:
    return number if number.isdigit() else str(cn2an.cn2an(number, "smart"))


def _idf(profiles: list[_Profile]) -> dict[str, float]:
    documents = Counter(term for p in profiles for term in set().union(*p.terms.values()))
    total = len(profiles)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in documents.items()}


def _similarity(a: _Profile, b: _Profile, idf: dict[str, float]) -> float:
    """Weighted over the fields either action has: two actions without indicators are not
    held apart by their absence."""
    present = {n: w for n, w in WEIGHTS.items() if a.terms[n] or b.terms[n]}
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
def _relations(old: list[_Profile], new: list[_Profile],
               scores: list[list[float]]) -> list[Succession]:
    pairs: dict[tuple[int, int], float] = {}
    if old and new:
        rows, cols = linear_sum_assignment([[-s for s in row] for row in scores])
        pairs = {(i, j): scores[i][j] for i, j in zip(rows, cols, strict=True)
                 if _worth_linking(scores, i, j)}
    pairs.update(_second_links(scores, pairs))  # splits: a second successor of one old
    transposed = [list(column) for column in zip(*scores, strict=True)] if scores else []
    merges = _second_links(transposed, {(j, i): s for (i, j), s in pairs.items()})
    pairs.update({(i, j): s for (j, i), s in merges.items()})  # merges: a second predecessor
    return _label(old, new, pairs)


def _worth_linking(scores: list[list[float]], i: int, j: int) -> bool:
    """Above the threshold; or, a little under it, each other's best match by a margin."""
    score = scores[i][j]
    if score >= LINK_THRESHOLD:
        return True
    if score < LINK_FLOOR:
        return False
    row = sorted((s for k, s in enumerate(scores[i]) if k != j), reverse=True)
    column = sorted((scores[k][j] for k in range(len(scores)) if k != i), reverse=True)
    rival = max(row[:1] + column[:1], default=0.0)
    return score >= rival * MUTUAL_MARGIN


def _second_links(scores: list[list[float]],
                  pairs: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Columns left without a link whose best row is linked already and scores near it."""
    taken = {j for _, j in pairs}
    found = {}
    for j in range(len(scores[0]) if scores else 0):
        if j in taken:
            continue
        i = max(range(len(scores)), key=lambda k: scores[k][j])
        if _extra_link(scores[i][j], [s for (p, _), s in pairs.items() if p == i]):
            found[(i, j)] = scores[i][j]
    return found


def _extra_link(score: float, others: list[float]) -> bool:
    return bool(others) and score >= LINK_THRESHOLD and score >= SPLIT_SHARE * max(others)


def _label(old: list[_Profile], new: list[_Profile],
           pairs: dict[tuple[int, int], float]) -> list[Succession]:
    successors = Counter(i for i, _ in pairs)
    predecessors = Counter(j for _, j in pairs)
    out: list[Succession] = []
    for i, profile in enumerate(old):
        links = sorted((j, s) for (p, j), s in pairs.items() if p == i)
        if not links:
            out.append(Succession(profile.action.n, None, "dropped", 0.0, profile.action.uid))
        for j, score in links:
            out.append(Succession(profile.action.n, new[j].action.n,
                                  _relation(profile, new[j], successors[i], predecessors[j]),
                                  round(score, 3), profile.action.uid, new[j].action.uid))
    for j, profile in enumerate(new):
        if not predecessors[j]:
            out.append(Succession(None, profile.action.n, "new", 0.0, None, profile.action.uid))
    return out


def _relation(a: _Profile, b: _Profile, successors: int, predecessors: int) -> str:
    if successors > 1:
        return "split"
    if predecessors > 1:
        return "merged"
    text_a, text_b = a.action.body.text, b.action.body.text
    return "same" if fuzz.ratio(text_a, text_b) >= SAME_RATIO else "reworded"


def apply_succession_overrides(links: list[Succession], old: Document, new: Document,
                               overrides) -> list[Succession]:
    """Human decisions (`alignments/overrides.tsv`, action xml:ids) over the links found."""
    actions_old = {a.uid: a.n for a in old.actions()}
    actions_new = {a.uid: a.n for a in new.actions()}
    for override in overrides:
        ids = (override.source, override.target)
        o = next((i[len(old.id) + 1:] for i in ids if i.startswith(old.id + ".")), None)
        n = next((i[len(new.id) + 1:] for i in ids if i.startswith(new.id + ".")), None)
        if o not in actions_old or n not in actions_new:
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
    kept = [s for s in links if (s.old_uid and s.new_uid) or
            (s.relation == "dropped" and s.old_uid not in linked_old) or
            (s.relation == "new" and s.new_uid not in linked_new)]
    present = {(s.old_uid, s.new_uid) for s in kept}
    kept += [Succession(a.n, None, "dropped", 0.0, a.uid) for a in old.actions()
             if a.uid not in linked_old and (a.uid, None) not in present]
    kept += [Succession(None, a.n, "new", 0.0, None, a.uid) for a in new.actions()
             if a.uid not in linked_new and (None, a.uid) not in present]
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
            successors = [s.new for s in links if row[-1] is not None and s.old == row[-1]
                          and s.new is not None]
            grown += [[*row, n] for n in successors] or [[*row, None]]
        seen = {row[-1] for row in grown}
        grown += [[None] * (index + 1) + [a.n] for a in plans[index + 1].actions()
                  if a.n not in seen]
        rows = grown
    return rows
