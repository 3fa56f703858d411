"""How far the PDF reader agrees with the text path, per rendering engine, unit by unit.

    .venv/bin/python tools/engine_agreement.py [--show N]

Renders every seed (`corpus/`), every English fixture (`tests/fixtures/en/`) and the
fixtures in both languages (`tests/fixtures/resolution/`, `tests/fixtures/bilingual/`) with the two
test engines, each in its looks — reportlab (`tests/pdfgen.py`) and LibreOffice from
OpenDocument (`tests/wpgen.py`) — extracts each PDF, and compares the document model with the one the
converted text gives: units in the same place with the same ids, numbers, texts and notes
(tests/test_pdf.py's `units`). Prints, per document and engine, the sections, actions,
indicators and footnotes found against the text's, the units that agree, and the first `N`
that do not. A measurement for the issue, not a test: it exits 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pdfgen
import wpgen
from agreement import agreeing, as_printed, as_rendered, differences, units
from test_pdf import ENGLISH

from pipeline.corpus.manifest import load_manifest
from pipeline.extract import extract_file
from pipeline.model import Document


def counts(doc: Document) -> tuple[int, int, int, int]:
    actions = doc.actions()
    return (
        len(doc.all_sections(("section", "subsection", "appendix"))),
        len(actions),
        sum(len(a.indicators) for a in actions),
        len(doc.footnotes),
    )


def sources() -> list[tuple[str, Path, str]]:
    seeds = [
        (entry.id, ROOT / "corpus" / entry.file, entry.lang)
        for entry in load_manifest(ROOT / "corpus" / "manifest.toml")
    ]
    fixtures = [
        (name, ROOT / "tests" / "fixtures" / "en" / f"{name}.txt", "en") for name in ENGLISH
    ]
    # The fixtures in both languages: a draft resolution (preamble, operative paragraphs, a
    # note on its sponsor, a reference whose note is lost) and a plan.
    pairs = [
        (f"{stem}-{lang}", ROOT / "tests" / "fixtures" / folder / f"{stem}-{lang}.txt", lang)
        for folder, stem in (("resolution", "draft"), ("bilingual", "plan"))
        for lang in ("en", "zh")
    ]
    return seeds + fixtures + pairs


def render_all(folder: Path) -> dict[tuple[str, str], Path]:
    pdfs: dict[tuple[str, str], Path] = {}
    fodts = []
    for doc_id, src, lang in sources():
        for look_name, drawn in pdfgen.LOOKS.items():
            pdf = pdfs[doc_id, f"reportlab-{look_name}"] = folder / f"{doc_id}.{look_name}.rl.pdf"
            pdfgen.render_file(src, pdf, lang, doc_id, drawn)
        for look_name, look in wpgen.LOOKS.items():
            fodt = folder / f"{doc_id}.{look_name}.fodt"
            fodts.append(wpgen.fodt_file(src, fodt, lang, doc_id, look))
            pdfs[doc_id, f"libreoffice-{look_name}"] = fodt.with_suffix(".pdf")
    wpgen.convert(fodts, folder)
    return pdfs


ENGINES = (
    *(f"reportlab-{name}" for name in pdfgen.LOOKS),
    *(f"libreoffice-{name}" for name in wpgen.LOOKS),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=3, help="differing units shown per document")
    parser.add_argument("--doc", help="only this document")
    parser.add_argument("--engine", help="only this engine")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = render_all(Path(tmp))
        print(
            "document / engine: sections, actions, indicators, footnotes (pdf/text); "
            "units agreeing in order and content (ids aside)"
        )
        for doc_id, src, lang in sources():
            if args.doc and doc_id != args.doc:
                continue
            expected = extract_file(src, doc_id, lang)
            want = units(as_rendered(expected), as_printed)
            for engine in ENGINES:
                if args.engine and engine != args.engine:
                    continue
                try:
                    got_doc = extract_file(pdfs[doc_id, engine], doc_id, lang)
                except Exception as err:  # noqa: BLE001  # a measurement reports every failure
                    print(f"{doc_id} / {engine}: failed: {err}")
                    continue
                got = units(got_doc, as_printed)
                same = agreeing(got, want)
                found = ", ".join(
                    f"{g}/{w}" for g, w in zip(counts(got_doc), counts(expected), strict=True)
                )
                print(f"{doc_id} / {engine}: {found}; {same}/{len(want)} units agree")
                for line in differences(got, want)[: args.show]:
                    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
