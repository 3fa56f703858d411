"""`make bench`: run every benchmark and print its figures."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks import (
    align_speed,
    batch_speed,
    charter_speed,
    macdev,
    pdf_speed,
    qa_speed,
    sentence_scaling,
    site_speed,
    succession_speed,
)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="planalign-bench-") as folder:
        for benchmark in (
            pdf_speed,
            align_speed,
            charter_speed,
            macdev,
            sentence_scaling,
            succession_speed,
            qa_speed,
            batch_speed,
            site_speed,
        ):
            for line in benchmark.run(Path(folder)):
                print(line, flush=True)


if __name__ == "__main__":
    main()
