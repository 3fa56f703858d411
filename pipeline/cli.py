"""`planalign`: the command line (README.md, "Using it"). Exit 0 success, 1 some documents failed,
2 bad usage or unusable input, with one line on stderr naming the file; never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline import atomic
from pipeline.errors import InputError, internal_error
from pipeline.languages import LANGUAGES

EXIT_OK, EXIT_FAILURES, EXIT_UNUSABLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planalign",
        description="Parse and align UN action plans (Chinese/English) into TEI-XML.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="one document to TEI or to the model as JSON",
        description="Extract one document's structure.",
    )
    extract.add_argument("file", type=Path, help="a text file converted from a UN document")
    extract.add_argument("--lang", choices=LANGUAGES, help="language (default: detected)")
    extract.add_argument("--to", choices=("tei", "json"), default="tei", help="output format")
    extract.add_argument("--id", dest="doc_id", help="document id (default: from the file name)")
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    extract.set_defaults(run=run_extract)

    align = commands.add_parser(
        "align",
        help="two language versions of one document",
        description="Link the units of two language versions.",
    )
    align.add_argument("a", type=Path, help="one language version (text or PDF)")
    align.add_argument("b", type=Path, help="the other language version")
    align.add_argument(
        "--to",
        choices=("tei", "tsv", "tmx", "json"),
        default="tei",
        help="output format (default: TEI standOff links)",
    )
    _link_options(align)
    align.set_defaults(run=run_align)

    succession = commands.add_parser(
        "succession",
        help="two action plans: each action linked to its successor(s)",
        description="Link the actions of an earlier plan to those of a later one.",
    )
    succession.add_argument("old", type=Path, help="the earlier plan (text or PDF)")
    succession.add_argument("new", type=Path, help="the later plan")
    succession.add_argument(
        "--to",
        choices=("tsv", "json", "tei"),
        default="tsv",
        help="output format (default: TSV old/new/relation/score)",
    )
    _link_options(succession)
    succession.set_defaults(run=run_succession)

    trace = commands.add_parser(
        "trace",
        help="one action's lineage through the corpus' plans",
        description="Follow one action from plan to plan, differences marked word by word.",
    )
    trace.add_argument("action", help="the action's number as printed, e.g. 12 or 4.1")
    trace.add_argument(
        "--plan",
        help="plan key the number refers to (default: the latest plan of the chain that has "
        "it; asked for when two chains' latest plans do)",
    )
    trace.add_argument("--to", choices=("text", "html", "json"), default="text")
    trace.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding corpus/ (default: the current one)",
    )
    trace.set_defaults(run=run_trace)

    check = commands.add_parser(
        "check",
        help="terminology and translation QA findings",
        description="Check documents for untranslated words, punctuation, numbers that differ "
        "between language versions, notes, numbering, restatements and terms. "
        "Without PATH, the corpus of --root.",
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="documents to check (default: every document of the corpus)",
    )
    check.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding corpus/ (default: the current one)",
    )
    check.add_argument(
        "--lang", choices=LANGUAGES, help="language of the PATHs (default: detected)"
    )
    check.add_argument(
        "--to",
        choices=("text", "csv", "json", "html"),
        default="text",
        help="output format (default: text)",
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning"),
        help="exit 1 when a finding is this severe or more",
    )
    check.add_argument(
        "--glossary", type=Path, help="glossary, CSV or TBX (default: pipeline/data/glossary.csv)"
    )
    check.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    check.set_defaults(run=run_check)

    glossary = commands.add_parser(
        "glossary",
        help="the domain glossary as TBX or CSV",
        description="Write a glossary (default: the project's) as TBX-Basic or CSV, e.g. to "
        "load it into a CAT tool's termbase or to convert a TBX export to CSV.",
    )
    glossary.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a glossary, CSV or TBX (default: pipeline/data/glossary.csv)",
    )
    glossary.add_argument(
        "--to", choices=("tbx", "csv"), default="tbx", help="output format (default: TBX)"
    )
    glossary.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    glossary.set_defaults(run=run_glossary)

    corpus = commands.add_parser(
        "corpus",
        help="the batch run behind `make corpus`",
        description="Process corpus/ into output/ and alignments/; what is unchanged since "
        "the last run is taken from output/.cache/.",
    )
    corpus.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder holding corpus/ (default: the current one)",
    )
    corpus.add_argument(
        "--jobs",
        type=_positive,
        default=_cpu_count(),
        metavar="N",
        help="documents processed at once (default: the CPU count, "
        f"{_cpu_count()} here; 1 = one after another, in this process)",
    )
    corpus.add_argument(
        "--force", action="store_true", help="ignore the cache: extract and align everything again"
    )
    corpus.add_argument(
        "--executor",
        choices=("local", "dask"),
        default="local",
        help="local processes (default), or a Dask cluster",
    )
    corpus.add_argument(
        "--scheduler", metavar="ADDR", help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786"
    )
    corpus.set_defaults(run=run_corpus)

    sentalign = commands.add_parser(
        "sentalign",
        help="two texts to a sentence alignment, one bead a line",
        description="Align the sentences of two texts; prints beads such as [0, 1]:[0], "
        "a TSV with both texts or a TMX translation memory.",
    )
    sentalign.add_argument("src", type=Path, help="source text")
    sentalign.add_argument("tgt", type=Path, help="target text")
    sentalign.add_argument(
        "--presplit", action="store_true", help="the files hold one sentence a line already"
    )
    sentalign.add_argument("--src-lang", choices=LANGUAGES, help="(default: detected)")
    sentalign.add_argument("--tgt-lang", choices=LANGUAGES, help="(default: detected)")
    sentalign.add_argument(
        "--to",
        choices=("beads", "tsv", "tmx"),
        default="beads",
        help="output format (default: beads, one a line)",
    )
    sentalign.add_argument(
        "--no-vectors",
        action="store_true",
        help="align by the lexicon and the lengths alone, without sentence vectors (faster)",
    )
    sentalign.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    sentalign.set_defaults(run=run_sentalign)
    return parser


def _link_options(parser: argparse.ArgumentParser) -> None:
    """What the linking commands share: human decisions, and where the links go."""
    from pipeline.align.overrides import OVERRIDES

    parser.add_argument(
        "--overrides",
        type=Path,
        default=OVERRIDES,
        help=f"human link/unlink decisions (default: {OVERRIDES})",
    )
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")


def run_extract(args: argparse.Namespace) -> int:
    from pipeline.extract import extract_file
    from pipeline.writers.json import document_to_json
    from pipeline.writers.tei import document_to_tei

    doc = extract_file(args.file, args.doc_id, args.lang)
    _warn(args.file, doc.warnings)
    data = document_to_json(doc) if args.to == "json" else document_to_tei(doc)
    _emit(data, args.output)
    return EXIT_OK


def run_align(args: argparse.Namespace) -> int:
    from pipeline.align.encoder import load_encoder
    from pipeline.align.overrides import load_overrides
    from pipeline.align.translation import align_translation
    from pipeline.extract import extract_file
    from pipeline.terminology import glossary_lexicon
    from pipeline.writers.links import alignment_to_json, alignment_to_tei, alignment_to_tsv
    from pipeline.writers.tmx import segments_to_tmx

    a, b = extract_file(args.a), extract_file(args.b)
    if a.meta.language == b.meta.language:
        raise InputError(
            str(args.b),
            f"same language as {args.a} ({a.meta.language}): align takes two language versions",
        )
    overrides = load_overrides(args.overrides, str(args.overrides))
    result = align_translation(a, b, glossary_lexicon(), overrides, load_encoder())
    _warn(args.overrides, result.alignment.warnings)
    if args.to == "tsv":
        data = alignment_to_tsv(result.alignment)
    elif args.to == "tmx":
        data = segments_to_tmx(
            result.segments, a.meta.language, b.meta.language, result.source_lang
        )
    elif args.to == "json":
        data = alignment_to_json(result)
    else:
        data = alignment_to_tei(result.alignment, result.sentences)
    _emit(data, args.output)
    return EXIT_OK


def run_succession(args: argparse.Namespace) -> int:
    from pipeline.align.overrides import load_overrides
    from pipeline.align.plans import align_plans, apply_succession_overrides
    from pipeline.extract import extract_file
    from pipeline.terminology import glossary_lexicon
    from pipeline.writers.succession import (
        succession_to_json,
        succession_to_tei,
        succession_to_tsv,
    )

    old, new = extract_file(args.old), extract_file(args.new)
    for path, doc in ((args.old, old), (args.new, new)):
        if not doc.actions():
            raise InputError(str(path), "no actions found: not an action plan")
    overrides = load_overrides(args.overrides, str(args.overrides))
    warnings: list[str] = []
    links = apply_succession_overrides(
        align_plans(old, new, glossary_lexicon()), old, new, overrides, warnings
    )
    _warn(args.overrides, warnings)
    if args.to == "json":
        data = succession_to_json(links, old, new)
    elif args.to == "tei":
        data = succession_to_tei(links, old, new)
    else:
        data = succession_to_tsv(links, old, new)
    _emit(data, args.output)
    return EXIT_OK


def run_trace(args: argparse.Namespace) -> int:
    from pipeline.corpus.trace import trace_action

    text = trace_action(args.root, args.action, args.plan, args.to, sys.stdout.isatty())
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    from pipeline.corpus.inputs import corpus_inputs, file_inputs, translations
    from pipeline.model.findings import at_or_above
    from pipeline.qa import load_glossary, run_checks
    from pipeline.terminology import glossary_lexicon
    from pipeline.writers import report as qa

    glossary = load_glossary(args.glossary)
    inputs = file_inputs(args.paths, args.lang) if args.paths else corpus_inputs(args.root)
    if not inputs.documents and not inputs.problems:
        where = " ".join(map(str, args.paths)) if args.paths else str(args.root / "corpus")
        raise InputError(where, "no documents to check (.txt, .text, .md or .pdf files)")
    for problem in inputs.problems:
        print(f"planalign: {problem}", file=sys.stderr)
    lexicon = glossary_lexicon()  # the project's glossary: the aligners' lexicon is fixed
    pairs = translations(inputs.documents, args.root, bool(args.paths), lexicon)
    findings = run_checks(inputs.documents, pairs, glossary, lexicon)
    if args.to == "text":
        text = qa.findings_to_text(findings, colour=not args.output and sys.stdout.isatty())
    else:
        text = {
            "csv": qa.findings_to_csv,
            "json": qa.findings_to_json,
            "html": qa.findings_to_html,
        }[args.to](findings)
    _emit(text.encode("utf-8"), args.output)
    if inputs.problems:
        return EXIT_UNUSABLE
    return EXIT_FAILURES if args.fail_on and at_or_above(findings, args.fail_on) else EXIT_OK


def run_glossary(args: argparse.Namespace) -> int:
    from pipeline.terminology import glossary_to_csv, glossary_to_tbx, load_glossary

    writer = {"tbx": glossary_to_tbx, "csv": glossary_to_csv}[args.to]
    _emit(writer(load_glossary(args.file)), args.output)
    return EXIT_OK


def _warn(path: Path, warnings: list[str]) -> None:
    for warning in warnings:
        print(f"planalign: warning: {path}: {warning}", file=sys.stderr)


def _emit(data: bytes, output: Path | None) -> None:
    if not output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    try:
        atomic.write_bytes(output, data)
    except OSError as err:
        raise InputError(str(output), f"cannot write: {err.strerror or err}") from None


def run_corpus(args: argparse.Namespace) -> int:
    from pipeline.corpus.executor import make_executor
    from pipeline.corpus.progress import Progress
    from pipeline.corpus.runner import run_corpus as run

    if not (args.root / "corpus").is_dir():
        raise InputError(str(args.root), "no corpus/ folder here")
    executor = make_executor(args.executor, args.jobs, args.scheduler)
    try:
        result = run(
            args.root,
            executor=executor,
            force=args.force,
            progress=Progress.for_terminal(_log_line, sys.stderr),
        )
    finally:
        executor.close()
    return EXIT_FAILURES if result.failures else EXIT_OK


def _log_line(line: str) -> None:
    """A batch run's line, written at once: a log read as it grows (or a watcher waiting for
    a document) sees each task when it ends, not when a pipe's buffer fills."""
    print(line, flush=True)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return number


def run_sentalign(args: argparse.Namespace) -> int:
    from pipeline.align.encoder import load_encoder, read_ahead
    from pipeline.align.sentences import SETTINGS, align_sentences
    from pipeline.terminology import glossary_lexicon
    from pipeline.writers import sentence_beads
    from pipeline.writers.tmx import segments_to_tmx

    (src, src_lang), (tgt, tgt_lang) = _sentence_sides(args)
    encoder = None if args.no_vectors else read_ahead(load_encoder(), [src, tgt])
    beads = align_sentences(
        src, tgt, src_lang, tgt_lang, glossary_lexicon(), SETTINGS, encoder=encoder
    )
    if args.to == "tsv":
        data = sentence_beads.beads_to_tsv(beads, src, tgt, src_lang, tgt_lang)
    elif args.to == "tmx":
        name = f"{args.src.name}/{args.tgt.name}"
        segments = sentence_beads.beads_to_segments(beads, src, tgt, src_lang, tgt_lang, name)
        data = segments_to_tmx(segments, src_lang, tgt_lang, src_lang)
    else:
        data = sentence_beads.beads_to_text(beads)
    _emit(data, args.output)
    return EXIT_OK


def _sentence_sides(args: argparse.Namespace) -> list[tuple[list[str], str]]:
    """Each file's sentences and language. A file with no sentences (empty, or blanks only)
    is an error naming it: there is nothing to align it with. A language given that the text
    does not look like, or two texts of one language where a language was guessed, is warned
    about, once both files are read; the alignment goes on in the languages given or guessed."""
    from pipeline.languages import guess_language, table
    from pipeline.languages.splitting import split_sentences
    from pipeline.readers.decode import decode

    sides, warnings = [], []
    for path, given, flag in (
        (args.src, args.src_lang, "--src-lang"),
        (args.tgt, args.tgt_lang, "--tgt-lang"),
    ):
        try:
            text = decode(path.read_bytes(), str(path)).text
        except OSError as err:
            raise InputError(str(path), f"cannot read: {err.strerror or err}") from None
        looks = guess_language(text)
        lang = given or looks
        if looks != lang:
            warning = f"the text looks {table(looks).name}, not {table(lang).name} as {flag} says"
            warnings.append((path, f"{warning}; aligned as {table(lang).name} all the same"))
        sentences = text.splitlines() if args.presplit else split_sentences(text, lang)
        if not any(sentence.strip() for sentence in sentences):
            raise InputError(str(path), "no sentences: the file holds only blanks")
        sides.append((sentences, lang))
    (_, src_lang), (_, tgt_lang) = sides
    if src_lang == tgt_lang and not (args.src_lang and args.tgt_lang):
        name = table(src_lang).name
        warning = f"{name} like {args.src}: aligned {name} to {name}"
        warnings.append(
            (args.tgt, f"{warning} (--src-lang and --tgt-lang say so, and silence this)")
        )
    for path, warning in warnings:
        _warn(path, [warning])
    return sides


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
        subject = next(
            (
                getattr(args, name)
                for name in ("file", "a", "old", "src", "paths", "root")
                if getattr(args, name, None)
            ),
            "",
        )
        if isinstance(subject, list):  # check PATH…: name the files
            subject = " ".join(map(str, subject))
        print(
            f"planalign: {subject}: {internal_error(err)} "
            "(set PLANALIGN_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return EXIT_UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
