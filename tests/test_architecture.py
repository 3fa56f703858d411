"""The shape of the package: every module imports alone, imports go downwards only, the
subpackages import one another without cycles, language knowledge stays in its tables, and
the aligners read no file and change no global state."""

from __future__ import annotations

import ast
import builtins
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"

# Lowest first; a module imports from its own layer or below (README, "Layout").
LAYERS = (
    {"__init__", "errors", "atomic", "usercache", "doc_ids", "gc_pause"},
    {"languages"},
    {"model"},
    {"readers"},
    {"extract"},
    {"align"},
    {"terminology", "qa"},
    {"writers"},
    {"corpus"},
    {"cli"},
)
LAYER = {part: rank for rank, parts in enumerate(LAYERS) for part in parts}


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def part_of(module: str) -> str:
    """`pipeline.align.units` → `align`; `pipeline.cli` → `cli`; `pipeline` → `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(module: str) -> set[str]:
    """The pipeline modules `module` imports, at its top and inside its functions."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pipeline"):
            for alias in node.names:  # `from pipeline.x import y`: y a module or a name in x
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in ALL else node.module)
    return found - {module}


ALL = set(modules())
THIRD_PARTY = (
    "cn2an",
    "jieba",
    "lxml.etree",
    "pdfplumber",
    "pypdfium2",
    "pypinyin",
    "rapidfuzz",
    "scipy.optimize",
    "tqdm",
)


def test_every_module_imports_alone_in_a_fresh_interpreter():
    """Each module in a process of its own, forked from one that has imported nothing of
    the package (only the libraries it uses, to save their import time): a circular import
    between packages fails here whatever else is loaded."""
    script = (
        "import importlib, os, sys\n"
        f"for library in {THIRD_PARTY!r}:\n"
        "    importlib.import_module(library)\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'pipeline']\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except BaseException as err:\n"
        "            print(f'{name}: {type(err).__name__}: {err}', flush=True)\n"
        "            os._exit(1)\n"
        "        os._exit(0)\n"
        "    _, status = os.waitpid(pid, 0)\n"
        "    if status:\n"
        "        failed.append(name)\n"
        "print('failed:', ' '.join(failed))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *sorted(ALL)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "failed:", result.stdout + result.stderr
    assert len(ALL) > 80  # every module was tried, not a few


def test_imports_go_downwards_only():
    upwards = [
        f"{module} → {target}"
        for module in sorted(ALL)
        for target in sorted(imports(module))
        if LAYER[part_of(target)] > LAYER[part_of(module)]
    ]
    assert upwards == []


def test_no_cycle_between_subpackages():
    graph: dict[str, set[str]] = {}
    for module in ALL:
        source = part_of(module)
        graph.setdefault(source, set())
        graph[source] |= {part_of(t) for t in imports(module)} - {source}
    cycles = [cycle for cycle in _cycles(graph)]
    assert cycles == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each node that lies on one (depth-first search)."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_checks_see_what_they_check():
    """The graph checks above read real imports: known edges are found, in both kinds."""
    assert "pipeline.model.inline" in imports("pipeline.readers.layout")
    assert "pipeline.terminology" in imports("pipeline.corpus.work")  # inside a function
    assert part_of("pipeline.cli") == "cli" and part_of("pipeline") == "__init__"
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


# Language knowledge: codes and scripts live in pipeline/languages/ only.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
HAN_RANGE = re.compile(r"\\u(3000|3400|4dbf|4e00|9fff|f900|faff|ff00|ffef)", re.IGNORECASE)


def language_knowledge(path: Path, root: Path = ROOT) -> list[str]:
    """String literals (docstrings aside) that are a language code, hold CJK characters, or
    spell out a range of them."""
    from pipeline.languages import LANGUAGES

    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in docstrings:
            continue
        spelled = "\n".join(lines[node.lineno - 1 : node.end_lineno])
        if node.value in LANGUAGES or CJK.search(node.value) or HAN_RANGE.search(spelled):
            found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_language_knowledge_stays_in_the_tables():
    outside = [p for p in sorted(PACKAGE.rglob("*.py")) if "languages" not in p.parts]
    assert [hit for path in outside for hit in language_knowledge(path)] == []


def test_the_language_check_sees_what_it_checks(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstring: 中文 and "zh" are fine here."""\n'
        'CODE = "zh"\nMARK = "《"\nRANGE = r"[\\u4e00-\\u9fff]"\nFINE = "en dash"\n',
        encoding="utf-8",
    )
    hits = [hit.split(": ", 1)[1] for hit in language_knowledge(sample, tmp_path)]
    assert hits == ["'zh'", "'《'", "'[\\\\u4e00-\\\\u9fff]'"]


# Pure aligners: what they need comes in as arguments.
def module_state() -> dict[str, dict[str, int]]:
    """Every loaded pipeline module's global names and what they are bound to."""
    return {
        name: {key: id(value) for key, value in vars(module).items()}
        for name, module in sorted(sys.modules.items())
        if name.startswith("pipeline") and module is not None
    }


def test_aligners_read_no_file_and_change_no_global_state(lexicon, encoder, seeds):
    import cn2an  # noqa: F401 - libraries import themselves (and read their data) beforehand
    import jieba
    import pypinyin  # noqa: F401

    from pipeline.align.plans import align_plans
    from pipeline.align.sentences import align_sentences, split_sentences
    from pipeline.align.translation import align_translation
    from pipeline.align.units import align_documents
    from pipeline.extract import extract_file

    bilingual = ROOT / "tests" / "fixtures" / "bilingual"
    zh = extract_file(bilingual / "plan-zh.txt", "fx-zh", "zh")
    en = extract_file(bilingual / "plan-en.txt", "fx-en", "en")
    lausanne, srap = seeds["lausanne-zh"], seeds["srap-draft-zh"]
    sentences_zh = split_sentences(" ".join(t.text for _, t in zh.texts()), "zh")
    sentences_en = split_sentences(" ".join(t.text for _, t in en.texts()), "en")
    jieba_words = len(jieba.dt.FREQ)
    before = module_state()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", _refuse)
        patch.setattr(io, "open", _refuse)
        patch.setattr(os, "open", _refuse)
        units = align_documents(zh, en, lexicon)
        plans = align_plans(lausanne, srap, lexicon)
        beads = align_sentences(sentences_zh, sentences_en, "zh", "en", lexicon)
        with_vectors = align_sentences(
            sentences_zh, sentences_en, "zh", "en", lexicon, encoder=encoder
        )
        translation = align_translation(zh, en, lexicon, encoder=encoder)
    assert module_state() == before
    assert len(jieba.dt.FREQ) == jieba_words  # jieba's own tokenizer is nobody's to change
    assert [(k.a, k.b) for k in units.links] == [
        (k.a, k.b) for k in align_documents(zh, en, lexicon).links
    ]
    assert plans == align_plans(lausanne, srap, lexicon)
    assert beads == align_sentences(sentences_zh, sentences_en, "zh", "en", lexicon)
    assert with_vectors == align_sentences(
        sentences_zh, sentences_en, "zh", "en", lexicon, encoder=encoder
    )
    assert len(translation.segments) > 20
    assert len(units.links) > 20 and len(plans) > 40 and len(beads) > 20


def _refuse(*args, **kwargs):
    raise AssertionError(f"a file was opened: {args[:1]}")


def test_names_do_not_collide():
    """One meaning per name: no module name in two packages, no class name in two modules."""
    stems = [p.stem for p in PACKAGE.rglob("*.py") if p.stem != "__init__"]
    assert sorted({s for s in stems if stems.count(s) > 1}) == []
    classes = [
        node.name
        for path in PACKAGE.rglob("*.py")
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
    ]
    assert sorted({c for c in classes if classes.count(c) > 1}) == []
