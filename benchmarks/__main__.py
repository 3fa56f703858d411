"""`make bench`: run every benchmark and print its figures."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks import pdf_speed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="planalign-bench-") as folder:
        for line in pdf_speed.run(Path(folder)):
            print(line, flush=True)


if __name__ == "__main__":
    main()
