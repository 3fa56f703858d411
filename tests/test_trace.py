"""`trace`: a lineage is a graph — a merge shows both predecessors, a split both successors,
each plan once, every difference taken against the predecessor in time; text, HTML, JSON.

The hand-made lineages below are written for these tests (not UN texts); the fixture chain
(tests/fixtures/chain, written for the tests too) holds a real merge (b 2 and b 3 → c 2) and
a real split (a 5 → b 5 and b 6), found by the aligner.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_succession import chain_corpus

from pipeline.align.chains import (
    Chain,
    Lineage,
    LineageEdge,
    LineageNode,
    LineagePlan,
    align_chain,
    lineage_of,
)
from pipeline.cli import main
from pipeline.extract import extract_file
from pipeline.writers.lineage import render_html, render_json, render_text

CHAIN = Path(__file__).resolve().parent / "fixtures" / "chain"

CLEAR = "The States Parties will clear mined areas as soon as possible."
REPORT = "The States Parties will report on clearance."
MERGED = "The States Parties will clear all mined areas by 2025 and report on clearance."
GENDER = "Promote gender equality."
CLEAR_2025 = "The States Parties will clear all mined areas by 2025."
REPORT_YEARLY = "The States Parties will report on clearance each year."


def merge_then_split() -> Lineage:
    """a 1 and a 2 merge into b 1, which splits into c 1 and c 2; b 2 is new, then dropped."""
    plans = [LineagePlan(k, f"{k}-en", "en") for k in ("a", "b", "c")]
    texts = {
        (0, "1"): CLEAR,
        (0, "2"): REPORT,
        (1, "1"): MERGED,
        (1, "2"): GENDER,
        (2, "1"): CLEAR_2025,
        (2, "2"): REPORT_YEARLY,
    }
    nodes = [LineageNode(p, n, f"{plans[p].doc_id}.a{n}", text) for (p, n), text in texts.items()]
    edges = [
        LineageEdge(0, "1", "1", "merged", 0.61),
        LineageEdge(0, "2", "1", "merged", 0.4),
        LineageEdge(0, None, "2", "new", 0.0),
        LineageEdge(1, "1", "1", "split", 0.7),
        LineageEdge(1, "1", "2", "split", 0.55),
        LineageEdge(1, "2", None, "dropped", 0.0),
    ]
    return Lineage(plans, nodes, edges)


def blocks(text: str) -> list[str]:
    return text.split("\n\n")


def block_of(text: str, label: str) -> str:
    [block] = [b for b in blocks(text) if b.splitlines()[0] == label]
    return block


def join(ops, kinds: set[str]) -> str:
    return "".join(text for op, text in ops if op in kinds)


def test_text_shows_each_plan_once_in_time_order() -> None:
    out = render_text(merge_then_split(), color=False)
    assert blocks(out)[0] == "Action lineage: a 1, 2 → b 1, 2 → c 1, 2"
    headings = [b for b in blocks(out) if b.startswith("==")]
    assert headings == ["== a (a-en) ==", "== b (b-en) ==", "== c (c-en) =="]
    labels = [b.splitlines()[0] for b in blocks(out) if not b.startswith(("==", "Action"))]
    assert labels == ["a 1", "a 2", "b 1", "b 2", "c 1", "c 2"]


def test_text_merge_shows_both_predecessors_with_their_diffs() -> None:
    block = block_of(render_text(merge_then_split(), color=False), "b 1")
    assert block.splitlines() == [
        "b 1",
        MERGED,
        "  ← a 1  (merged, 0.61)",
        (
            "    The States Parties will clear {+all +}mined areas [-as soon as possible-]"
            "{+by 2025 and report on clearance+}."
        ),
        "  ← a 2  (merged, 0.40)",
        "    The States Parties will {+clear all mined areas by 2025 and +}report on clearance.",
        "  → c 1  (split, 0.70)",
        "  → c 2  (split, 0.55)",
    ]


def test_text_split_shows_both_successors_diffed_against_their_predecessor() -> None:
    out = render_text(merge_then_split(), color=False)
    assert block_of(out, "c 1").splitlines() == [
        "c 1",
        CLEAR_2025,
        "  ← b 1  (split, 0.70)",
        "    The States Parties will clear all mined areas by 2025[- and report on clearance-].",
    ]
    assert block_of(out, "c 2").splitlines() == [
        "c 2",
        REPORT_YEARLY,
        "  ← b 1  (split, 0.55)",
        (
            "    The States Parties will [-clear all mined areas by 2025 and -]report on"
            " clearance{+ each year+}."
        ),
    ]


def test_text_new_and_dropped() -> None:
    block = block_of(render_text(merge_then_split(), color=False), "b 2")
    assert block.splitlines() == ["b 2", GENDER, "  ← none in a  (new)", "  → none in c  (dropped)"]


def test_text_no_differences_and_languages_differ() -> None:
    plans = [LineagePlan("x", "x-en", "en"), LineagePlan("y", "y-en", "en")]
    plans.append(LineagePlan("z", "z-zh", "zh"))
    nodes = [
        LineageNode(0, "1", "x-en.a1", CLEAR),
        LineageNode(1, "3", "y-en.a3", CLEAR),
        LineageNode(2, "4", "z-zh.a4", "缔约国将尽快清除雷区。"),
    ]
    edges = [LineageEdge(0, "1", "3", "same", 1.0), LineageEdge(1, "3", "4", "same", 0.9)]
    out = render_text(Lineage(plans, nodes, edges), color=False)
    assert "  ← x 1  (same, 1.00): no differences" in block_of(out, "y 3").splitlines()
    assert block_of(out, "z 4").splitlines() == [
        "z 4",
        "缔约国将尽快清除雷区。",
        "  ← y 3  (same, 0.90): languages differ (en → zh): no word diff",
    ]
    payload = json.loads(render_json(Lineage(plans, nodes, edges)))
    assert [(e["languages_differ"], e["diff"] is None) for e in payload["edges"]] == [
        (False, False),
        (True, True),
    ]


def test_text_colour_marks_what_wdiff_marks() -> None:
    lineage = merge_then_split()
    coloured = render_text(lineage, color=True)
    assert "\x1b[32m\x1b[4mall \x1b[0m" in coloured and "\x1b[31m\x1b[9m" in coloured
    assert "[-" not in coloured and "{+" not in coloured
    plain = re.sub(r"\x1b\[\d+m", "", coloured)
    unmarked = re.sub(r"\[-(.*?)-\]|\{\+(.*?)\+\}", r"\1\2", render_text(lineage, False))
    assert plain == unmarked


def test_json_is_nodes_and_edges() -> None:
    out = render_json(merge_then_split())
    assert out == render_json(merge_then_split())
    payload = json.loads(out)
    assert payload["title"] == "Action lineage: a 1, 2 → b 1, 2 → c 1, 2"
    assert [p["plan"] for p in payload["plans"]] == ["a", "b", "c"]
    assert [n["id"] for n in payload["nodes"]] == [
        "a-en.a1",
        "a-en.a2",
        "b-en.a1",
        "b-en.a2",
        "c-en.a1",
        "c-en.a2",
    ]
    assert [(e["from"], e["to"], e["relation"]) for e in payload["edges"]] == [
        ("a-en.a1", "b-en.a1", "merged"),
        ("a-en.a2", "b-en.a1", "merged"),
        (None, "b-en.a2", "new"),
        ("b-en.a1", "c-en.a1", "split"),
        ("b-en.a1", "c-en.a2", "split"),
        ("b-en.a2", None, "dropped"),
    ]
    assert_diffs_run_forward_in_time(payload)


def assert_diffs_run_forward_in_time(payload: dict) -> None:
    """Every diff turns its older action's text into its newer one's, never the reverse."""
    texts = {n["id"]: n["text"] for n in payload["nodes"]}
    order = [p["plan"] for p in payload["plans"]]
    for edge in payload["edges"]:
        assert order.index(edge["from_plan"]) + 1 == order.index(edge["to_plan"])
        if edge["diff"] is None:
            assert edge["from"] is None or edge["to"] is None or edge["languages_differ"]
            continue
        assert join(edge["diff"], {"equal", "delete"}) == texts[edge["from"]]
        assert join(edge["diff"], {"equal", "insert"}) == texts[edge["to"]]


def test_html_table_and_diffs() -> None:
    lineage = merge_then_split()
    nodes = lineage.nodes
    nodes[3] = LineageNode(1, "2", "b-en.a2", "Clear <all> mined areas & report.")
    page = render_html(lineage)
    assert page.startswith("<!DOCTYPE html>\n")
    assert "<title>Action lineage: a 1, 2 → b 1, 2 → c 1, 2</title>" in page
    assert "<tr><th>a</th><th>b</th><th>c</th></tr>" in page
    # The merge in the graph: both of a's actions point at b 1; b 1 points at both of c's.
    graph = page[page.index('<table class="graph">') : page.index("</table>")]
    assert graph.count('→ <a href="#b-en.a1">b 1</a> (merged') == 2
    b1_item = re.search(r'<li><a href="#b-en.a1">1</a>.*?</li>', graph)
    assert b1_item and b1_item.group(0).count("(split") == 2
    assert "new in b" in graph and "none in c (dropped)" in graph
    assert '<article class="node" id="c-en.a2">' in page
    assert "<del>clear all mined areas by 2025 and </del>" in page
    assert "&lt;all&gt;" in page and "&amp; report" in page and "<all>" not in page
    lowered = page.lower()
    assert "<script" not in lowered and "http" not in lowered and "url(" not in lowered


def test_empty_lineage() -> None:
    empty = Lineage([], [], [])
    assert render_text(empty, color=False) == "Action lineage\n"
    assert json.loads(render_json(empty)) == {
        "title": "Action lineage",
        "plans": [],
        "nodes": [],
        "edges": [],
    }
    assert "<title>Action lineage</title>" in render_html(empty)


# --- the fixture chain, aligned ------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_chain(lexicon) -> Chain:
    plans = []
    for name in "abc":
        doc = extract_file(CHAIN / f"plan-{name}.txt", f"fx-{name}", "en")
        doc.meta.plan = f"fx-{name}"
        plans.append(doc)
    return align_chain(plans, lexicon)


def node_keys(lineage: Lineage) -> list[tuple[str, str]]:
    return [(lineage.plans[n.plan].key, n.action) for n in lineage.nodes]


def test_merge_in_the_fixture_chain(fixture_chain) -> None:
    lineage = lineage_of(fixture_chain, 2, "2")
    assert node_keys(lineage) == [
        ("fx-a", "2"),
        ("fx-a", "3"),
        ("fx-b", "2"),
        ("fx-b", "3"),
        ("fx-c", "2"),
    ]
    out = render_text(lineage, color=False)
    assert blocks(out)[0] == "Action lineage: fx-a 2, 3 → fx-b 2, 3 → fx-c 2"
    assert out.count("\nfx-c 2\n") == 1  # shown once, however many ways lead to it
    merged = block_of(out, "fx-c 2").splitlines()
    assert [line.split("  (")[0] for line in merged if line.startswith("  ←")] == [
        "  ← fx-b 2",
        "  ← fx-b 3",
    ]
    assert "{+, and identify the perimeter of all mined areas" in merged[3]
    assert merged[5].startswith("    [-Identify-]{+Destroy all stockpiled")
    assert_diffs_run_forward_in_time(json.loads(render_json(lineage)))


def test_split_in_the_fixture_chain(fixture_chain) -> None:
    lineage = lineage_of(fixture_chain, 2, "4")
    assert node_keys(lineage) == [
        ("fx-a", "5"),
        ("fx-b", "5"),
        ("fx-b", "6"),
        ("fx-c", "4"),
        ("fx-c", "5"),
    ]
    out = render_text(lineage, color=False)
    split = block_of(out, "fx-a 5").splitlines()
    assert [line.split("  (")[0] for line in split[2:]] == ["  → fx-b 5", "  → fx-b 6"]
    assert block_of(out, "fx-b 6").splitlines()[3] == (
        "    [-Ensure that mine victims receive emergency medical care, physical rehabilitation"
        " and psychological support, and promote their-]{+Promote the+} social and economic"
        " inclusion{+ of mine victims+} through education, employment and livelihood programmes."
    )
    assert_diffs_run_forward_in_time(json.loads(render_json(lineage)))


def test_lineage_of_an_unlinked_action(fixture_chain) -> None:
    lineage = lineage_of(fixture_chain, 0, "7")
    assert node_keys(lineage) == [("fx-a", "7")]
    assert [(e.old, e.new, e.relation) for e in lineage.edges] == [("7", None, "dropped")]


def test_cli_trace_of_a_merge(tmp_path: Path, capsys) -> None:
    chain_corpus(tmp_path)
    assert main(["trace", "2", "--plan", "fx-c", "--to", "json", "--root", str(tmp_path)]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [(e["from"], e["to"]) for e in payload["edges"] if e["to_plan"] == "fx-c"] == [
        ("fx-b.a2", "fx-c.a2"),
        ("fx-b.a3", "fx-c.a2"),
    ]
    assert main(["trace", "5", "--plan", "fx-a", "--root", str(tmp_path)]) == 0
    assert "  → fx-b 6  (split" in capsys.readouterr().out


def test_cli_trace_asks_which_chain_when_two_latest_plans_hold_the_action(
    tmp_path: Path, capsys
) -> None:
    """Two chains (the fixture plans a → b → c, and copies of b then a under other keys):
    action 2 of "the latest plan" could be fx-c's or gx-b's, so trace names both and asks."""
    chain_corpus(tmp_path)
    corpus = tmp_path / "corpus"
    for name, copied in (("a", "b"), ("b", "a")):  # gx-b, a copy of plan a: 7 actions
        (corpus / f"copy-{name}.txt").write_bytes((CHAIN / f"plan-{copied}.txt").read_bytes())
    with (corpus / "manifest.toml").open("a", encoding="utf-8") as manifest:
        for name, follows in (("a", ""), ("b", 'follows = "gx-a"\n')):
            manifest.write(
                f'[[document]]\nid = "gx-{name}"\nfile = "copy-{name}.txt"\nlang = "en"\n'
                f'convention = "CCM"\nkind = "action-plan"\ntitle = "Copy {name}"\n'
                f'plan = "gx-{name}"\n{follows}\n'
            )
    assert main(["trace", "2", "--root", str(tmp_path)]) != 0
    captured = capsys.readouterr()
    [line] = captured.err.strip().splitlines()
    assert "action 2 is in the latest plan of 2 chains (fx-c, gx-b)" in line
    assert "--plan" in line and "Traceback" not in captured.err and not captured.out
    assert main(["trace", "2", "--plan", "gx-b", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Action lineage: gx-a 2 → gx-b 2")
    assert "fx-" not in out
    # An action only one latest plan holds needs no --plan (fx-c has an action 8, gx-b not).
    assert main(["trace", "8", "--root", str(tmp_path)]) == 0
    assert "fx-c 8" in capsys.readouterr().out
