"""PDF reading speed against pdftotext, and peak memory on a 300-page PDF, per engine.

The test PDFs are renderings of the real seeds (Chinese) and of the English test fixtures,
their chapters repeated to length, by both test engines: reportlab (tests/pdfgen.py) and
LibreOffice from OpenDocument (tests/wpgen.py, in its plain and varied looks). pdftotext
(poppler) reads the same files in the same run, so the figure that matters is the ratio, not
the seconds. Peak memory is measured in a fresh interpreter for each PDF, so that one
measurement cannot inherit another's.

    .venv/bin/python -m benchmarks.pdf_speed    (this benchmark alone)
"""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen
import pdfplumber
import pypdfium2 as pdfium
import wpgen

from benchmarks import best_of, fastest, median_ratio
from pipeline.extract import extract_file
from pipeline.model import Document

SOURCES = {
    "zh": [
        ("corpus/000_6c6220c63a51d5e0.txt", "srap"),
        ("corpus/001_591293dc92ae0fa4.txt", "lausanne"),
    ],
    "en": [
        ("tests/fixtures/en/oslo.txt", "oslo"),
        ("tests/fixtures/en/appendix.txt", "appendix"),
        ("tests/fixtures/en/dubrovnik.txt", "dubrovnik"),
    ],
}
LANGS = ("zh", "en")
SHORT, LONG = 60, 300  # pages: the speed ratio on the first, peak memory on the second
TARGET_RATIO, TARGET_MB = 0.5, 500
# Typeset once to learn how many pages a copy of the sources makes in the word processor.
CALIBRATION_COPIES = {"zh": 1, "en": 10}


@dataclass
class Sample:
    engine: str
    lang: str
    path: Path
    pages: int
    long: bool  # the 300-page rendering, measured for memory too


def long_document(lang: str, copies: int) -> Document:
    """The language's sources, their chapters repeated `copies` times, as one document."""
    docs = [extract_file(ROOT / path, doc_id, lang) for path, doc_id in SOURCES[lang]]
    long = copy.deepcopy(docs[0])
    long.sections = [copy.deepcopy(s) for _ in range(copies) for d in docs for s in d.sections]
    long.footnotes = [n for d in docs for n in d.footnotes]
    return long


def marks(lang: str) -> dict[str, str]:
    job = f"GE.00-00000 ({'C' if lang == 'zh' else 'E'})"
    return {"symbol": "PLANALIGN/TEST/BENCH", "job_number": job, "action_style": "line"}


def make_pdf(lang: str, pages: int, folder: Path) -> tuple[Path, int]:
    """A reportlab PDF of at least `pages` pages, rendered again longer until it has them."""
    path = folder / f"bench-{lang}-{pages}.pdf"
    copies = 1
    while True:
        count = pdfgen.render(long_document(lang, copies), path, **marks(lang))
        if count >= pages:
            return path, count
        copies = max(copies + 1, int(copies * pages / max(count, 1)) + 1)


def reportlab_samples(folder: Path) -> list[Sample]:
    samples = []
    for lang in LANGS:
        for pages in (SHORT, LONG):
            path, count = make_pdf(lang, pages, folder)
            samples.append(Sample("reportlab", lang, path, count, pages == LONG))
    return samples


def typeset(jobs: list[tuple[str, str, int]], folder: Path) -> list[Path]:
    """(lang, look, copies) jobs written as OpenDocument and typeset in one LibreOffice run."""
    fodts = [
        wpgen.write_fodt(
            long_document(lang, copies),
            folder / f"wp-{lang}-{look}-{copies}.fodt",
            look=wpgen.LOOKS[look],
            **marks(lang),
        )
        for lang, look, copies in jobs
    ]
    return wpgen.convert(fodts, folder)


def libreoffice_samples(folder: Path) -> list[Sample]:
    calibration = [(lang, "plain", CALIBRATION_COPIES[lang]) for lang in LANGS]
    per_copy = {
        lang: page_count(pdf) / copies
        for (lang, _, copies), pdf in zip(calibration, typeset(calibration, folder), strict=True)
    }
    sizes = (("plain", SHORT), ("varied", SHORT), ("plain", LONG))
    wanted = [(lang, look, pages) for lang in LANGS for look, pages in sizes]
    copies = [(lang, look, math.ceil(pages / per_copy[lang])) for lang, look, pages in wanted]
    return [
        Sample(f"libreoffice-{look}", lang, pdf, page_count(pdf), pages == LONG)
        for (lang, look, pages), pdf in zip(wanted, typeset(copies, folder), strict=True)
    ]


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, stdout=subprocess.DEVNULL)


def plain_pdfplumber(path: Path, pages: int) -> None:
    """pdfplumber's own text extraction on the first pages: the slow way, for reference."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:pages]:
            page.extract_text()


# Rounds of each in `rounds_in_turn`: enough for the fastest to be an undisturbed run.
ROUNDS = 9

# Speed is measured in a fresh interpreter too, as a user's `planalign extract` runs: one
# that built the test PDFs first holds a large heap, which its forked reading helper would
# copy page by page as the parent goes on writing to it.
# With "alone", the pages are read by this process only, as in a worker of `planalign corpus`
# or on a machine whose other core is busy.
_SPEED = """
import json, subprocess, sys
from pathlib import Path
from benchmarks import rounds_in_turn
from pipeline.extract import extract_file
from pipeline.readers import pdftext
path, lang, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
if sys.argv[4:] == ["alone"]:
    pdftext.reading_processes = lambda pages: 1
pdftotext = ["pdftotext", "-q", str(path), "-"]
print(json.dumps(rounds_in_turn(
    lambda: extract_file(path, "bench", lang),
    lambda: subprocess.run(pdftotext, check=True, stdout=subprocess.DEVNULL),
    rounds,
)))
"""


def rounds_fresh(path: Path, lang: str, alone: bool = False) -> list[tuple[float, float]]:
    """`rounds_in_turn` of our extraction and pdftotext on `path`, in a fresh interpreter;
    `alone`: with the pages read by one process."""
    done = subprocess.run(
        [sys.executable, "-c", _SPEED, str(path), lang, str(ROUNDS), *(["alone"] if alone else [])],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return [(ours, reference) for ours, reference in json.loads(done.stdout)]


# Run in a fresh interpreter: its peak, and the largest of the helpers it forked to read pages
# (counted once reaped: the reader lets a helper end by itself, and reaps it later).
_PEAK = """
import json, multiprocessing, resource, sys
from pathlib import Path
from benchmarks import peak_mb
from pipeline.extract import extract_file
from pipeline.readers import pdftext
chosen = [1]
choose = pdftext.reading_processes
pdftext.reading_processes = lambda pages: chosen.append(choose(pages)) or chosen[-1]
extract_file(Path(sys.argv[1]), "bench", sys.argv[2])
own = peak_mb() * 1024
for helper in multiprocessing.active_children():
    helper.join()
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([own, workers, max(chosen) - 1]))
"""


def peak_memory_mb(path: Path, lang: str) -> tuple[float, float, int]:
    """Peak resident memory of the extraction, and of its largest helper process, in MB; and
    how many helpers it forked (fewer than the cores when other work keeps one busy)."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path), lang],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    own, workers, helpers = json.loads(done.stdout)
    return own / 1024, workers / 1024, helpers


def speed_line(sample: Sample) -> str:
    rounds = rounds_fresh(sample.path, sample.lang)
    ours, reference = fastest(rounds)
    line = (
        f"pdf {sample.lang} {sample.engine}: {sample.pages} pages; "
        f"planalign {sample.pages / ours:.0f} pages/s, "
        f"pdftotext {sample.pages / reference:.0f} pages/s; ratio {reference / ours:.0%} "
        f"(median of the rounds: {median_ratio(rounds):.0%})"
    )
    if not sample.long:
        ours_alone, reference_alone = fastest(rounds_fresh(sample.path, sample.lang, alone=True))
        alone = reference_alone / ours_alone
        return f"{line} (target >= {TARGET_RATIO:.0%}); one process alone {alone:.0%}"
    own, helper, helpers = peak_memory_mb(sample.path, sample.lang)
    total = own + helpers * helper
    return (
        f"{line}; peak memory {own:.0f} MB + {helpers} helper(s) of at most {helper:.0f} MB"
        f" = at most {total:.0f} MB (target < {TARGET_MB} MB)"
    )


def plumber_line(sample: Sample) -> str:
    plumber = best_of(lambda: plain_pdfplumber(sample.path, 10)) * sample.pages / 10
    reference = best_of(lambda: pdftotext(sample.path))
    return (
        f"pdf {sample.lang} {sample.engine}: pdfplumber extract_text alone "
        f"{sample.pages / plumber:.0f} pages/s ({reference / plumber:.0%} of pdftotext)"
    )


def run(folder: Path) -> list[str]:
    samples = reportlab_samples(folder) + libreoffice_samples(folder)
    samples.sort(key=lambda s: (s.long, s.lang, s.engine))
    report = [speed_line(sample) for sample in samples]
    report += [plumber_line(s) for s in samples if s.engine == "reportlab" and not s.long]
    return report


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="planalign-bench-") as tmp:
        for report_line in run(Path(tmp)):
            print(report_line, flush=True)
