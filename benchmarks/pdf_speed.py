"""PDF reading speed against pdftotext, and peak memory on a 300-page PDF.

The test PDFs are renderings of the real seeds (Chinese) and of the English test fixtures,
made by tests/pdfgen.py and repeated to length; pdftotext (poppler) reads the same files in
the same run, so the figure that matters is the ratio, not the seconds.
"""

from __future__ import annotations

import copy
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen
import pdfplumber

from benchmarks import best_of
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


def long_document(lang: str, copies: int) -> Document:
    """The language's sources, their chapters repeated `copies` times, as one document."""
    docs = [extract_file(ROOT / path, doc_id, lang) for path, doc_id in SOURCES[lang]]
    long = copy.deepcopy(docs[0])
    long.sections = [copy.deepcopy(s) for _ in range(copies) for d in docs for s in d.sections]
    long.footnotes = [n for d in docs for n in d.footnotes]
    return long


def make_pdf(lang: str, pages: int, folder: Path) -> tuple[Path, int]:
    path = folder / f"bench-{lang}-{pages}.pdf"
    copies = 1
    while True:
        count = pdfgen.render(
            long_document(lang, copies),
            path,
            symbol="PLANALIGN/TEST/BENCH",
            job_number=f"GE.00-00000 ({'C' if lang == 'zh' else 'E'})",
            action_style="line",
        )
        if count >= pages:
            return path, count
        copies = max(copies + 1, int(copies * pages / max(count, 1)) + 1)


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-q", str(path), "-"], check=True, stdout=subprocess.DEVNULL)


def plain_pdfplumber(path: Path, pages: int) -> None:
    """pdfplumber's own text extraction on the first pages: the slow way, for reference."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:pages]:
            page.extract_text()


def peak_memory_mb(path: Path, lang: str) -> float:
    code = (
        "import sys; from pathlib import Path; from pipeline.extract import extract_file; "
        f"extract_file(Path({str(path)!r}), 'bench', {lang!r})"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(after, before) / 1024


def run(folder: Path) -> list[str]:
    report = []
    for lang in ("zh", "en"):
        path, pages = make_pdf(lang, 60, folder)
        ours = best_of(lambda p=path, lang=lang: extract_file(p, "bench", lang))
        reference = best_of(lambda p=path: pdftotext(p))
        ratio = reference / ours
        plumber = best_of(lambda p=path: plain_pdfplumber(p, 10)) * pages / 10
        report.append(
            f"pdf {lang}: {pages} pages; planalign {pages / ours:.0f} pages/s, "
            f"pdftotext {pages / reference:.0f} pages/s; ratio {ratio:.0%} "
            f"(target >= 25%); pdfplumber extract_text alone "
            f"{pages / plumber:.0f} pages/s ({reference / plumber:.0%})"
        )
    path, pages = make_pdf("zh", 300, folder)
    seconds = best_of(lambda: extract_file(path, "bench", "zh"))
    report.append(
        f"pdf zh: {pages} pages in {seconds:.2f} s, {pages / seconds:.0f} pages/s; "
        f"peak memory {peak_memory_mb(path, 'zh'):.0f} MB (target < 500 MB)"
    )
    return report
