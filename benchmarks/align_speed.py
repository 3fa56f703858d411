"""Alignment speed: two 50-action plans aligned, units and sentences, against a target of 2 s.

The plans are the bilingual test fixture (English written for the tests, Chinese excerpts of
the seeds) repeated and renumbered to 50 actions. The reference run in the same process is
the extraction of the same two files, so the ratio says what alignment adds.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks import best_of
from pipeline.align.encoder import load_encoder
from pipeline.align.translation import align_translation
from pipeline.extract import extract_file
from pipeline.terminology import glossary_lexicon

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "bilingual"
ACTION = {
    "zh": re.compile(r"^行动 (\d+)$", re.MULTILINE),
    "en": re.compile(r"^Action #(\d+)$", re.MULTILINE),
}
PARAGRAPH = re.compile(r"^(\d+)\. ", re.MULTILINE)


def long_plan(lang: str, actions: int, folder: Path) -> Path:
    text = (FIXTURES / f"plan-{lang}.txt").read_text(encoding="utf-8")
    head, body = text.split("\n\n", 2)[:2], text.split("\n\n", 2)[2]
    copies, action, paragraph = [], 0, 0
    while action < actions:

        def next_action(match, lang=lang):
            nonlocal action
            action += 1
            return f"行动 {action}" if lang == "zh" else f"Action #{action}"

        def next_paragraph(match):
            nonlocal paragraph
            paragraph += 1
            return f"{paragraph}. "

        copies.append(PARAGRAPH.sub(next_paragraph, ACTION[lang].sub(next_action, body)))
    path = folder / f"plan-{lang}-{actions}.txt"
    path.write_text("\n\n".join([*head, *copies]), encoding="utf-8")
    return path


def run(folder: Path) -> list[str]:
    en_path, zh_path = long_plan("en", 50, folder), long_plan("zh", 50, folder)
    en, zh = extract_file(en_path, "bench-en", "en"), extract_file(zh_path, "bench-zh", "zh")
    lexicon = glossary_lexicon()  # built once by the caller: not part of the figure
    encoder = load_encoder()
    encoder.vectors(["loaded before the clock starts"])
    extract = best_of(lambda: (extract_file(en_path, "e", "en"), extract_file(zh_path, "z", "zh")))
    align = best_of(lambda: align_translation(en, zh, lexicon, encoder=encoder))
    lexical = best_of(lambda: align_translation(en, zh, lexicon))
    result = align_translation(en, zh, lexicon, encoder=encoder)
    return [
        (
            f"align: {len(en.actions())} x {len(zh.actions())} actions, "
            f"{len(result.alignment.links)} unit links and {len(result.sentences)} sentence "
            f"links in {align:.2f} s (target < 2 s; {lexical:.2f} s without sentence vectors); "
            f"extracting both: {extract:.2f} s (ratio {align / extract:.1f})"
        )
    ]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(run(Path(tmp))))
