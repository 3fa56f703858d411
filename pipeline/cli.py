"""`planalign`: the command line (CONTRACTS.md). Exit 0 success, 1 some documents failed,
2 bad usage or unusable input, with one line on stderr naming the file; never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import atomic
from pipeline.errors import InputError
from pipeline.languages import LANGUAGES

EXIT_OK, EXIT_FAILURES, EXIT_UNUSABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planalign",
        description="Parse and align UN action plans (Chinese/English) into TEI-XML.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="one document to TEI or to the model as JSON",
                                  description="Extract one document's structure.")
    extract.add_argument("file", type=Path, help="a text file converted from a UN document")
    extract.add_argument("--lang", choices=LANGUAGES, help="language (default: detected)")
    extract.add_argument("--to", choices=("tei", "json"), default="tei", help="output format")
    extract.add_argument("--id", dest="doc_id", help="document id (default: from the file name)")
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    extract.set_defaults(run=run_extract)

    corpus = commands.add_parser("corpus", help="the batch run behind `make corpus`",
                                 description="Process corpus/ into output/.")
    corpus.add_argument("--root", type=Path, default=Path("."),
                        help="project folder holding corpus/ (default: the current one)")
    corpus.set_defaults(run=run_corpus)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    from pipeline.extract import extract_file
    from pipeline.writers.json import document_to_json
    from pipeline.writers.tei import document_to_tei

    doc = extract_file(args.file, args.doc_id, args.lang)
    for warning in doc.warnings:
        print(f"planalign: warning: {args.file}: {warning}", file=sys.stderr)
    data = document_to_json(doc) if args.to == "json" else document_to_tei(doc)
    if args.output:
        try:
            atomic.write_bytes(args.output, data)
        except OSError as err:
            raise InputError(str(args.output), f"cannot write: {err.strerror or err}") from None
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def run_corpus(args: argparse.Namespace) -> int:
    from pipeline.corpus.runner import run_corpus as run

    if not (args.root / "corpus").is_dir():
        raise InputError(str(args.root), "no corpus/ folder here")
    result = run(args.root)
    return EXIT_FAILURES if result.failed else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as err:
        print(f"planalign: {err}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("planalign: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as err:  # an output folder that cannot be written, a disk full
        where = f"{err.filename}: " if err.filename else ""
        print(f"planalign: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception as err:
        if os.environ.get("PLANALIGN_DEBUG"):
            raise
        subject = getattr(args, "file", None) or getattr(args, "root", "")
        print(f"planalign: {subject}: internal error: {type(err).__name__}: {err} "
              "(set PLANALIGN_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
