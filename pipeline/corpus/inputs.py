"""What `planalign check` reads: the corpus of a project folder, or the files named, and the
language versions among them, aligned for the bilingual checks.

A document that cannot be read is reported in one line naming its file; the others are
checked all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.align.encoder import load_encoder
from pipeline.align.lexicon import Lexicon
from pipeline.align.overrides import OVERRIDES, load_overrides
from pipeline.align.pairs import translation_pairs
from pipeline.align.translation import Translation, align_translation
from pipeline.corpus.listing import INPUT_SUFFIXES, plan_documents
from pipeline.corpus.manifest import corpus_entries
from pipeline.doc_ids import unique_id
from pipeline.errors import InputError
from pipeline.extract import extract_file
from pipeline.languages import DRAFTING_LANGUAGE
from pipeline.model import Document


@dataclass
class Inputs:
    documents: list[Document] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)  # files that could not be read


def corpus_inputs(root: Path) -> Inputs:
    """Every document of `root`/corpus/, with its manifest metadata, as the batch run reads
    them. A manifest error stops everything (InputError naming the manifest line)."""
    corpus = root / "corpus"
    if not corpus.is_dir():
        raise InputError(str(root), "no corpus/ folder here")
    inputs = Inputs()
    for entry, doc_id, path, _ in plan_documents(corpus, corpus_entries(corpus)):
        display = f"corpus/{path.relative_to(corpus).as_posix()}"
        _read(
            inputs,
            path,
            display,
            doc_id,
            entry.lang if entry else None,
            entry.metadata() if entry else None,
        )
    return inputs


def file_inputs(paths: list[Path], lang: str | None) -> Inputs:
    """The files named (a folder: the documents in it), ids from their names (made unique),
    languages detected or `lang`."""
    inputs, taken = Inputs(), set[str]()
    for path in _expand(paths):
        _read(inputs, path, str(path), unique_id(path, taken), lang, None)
    return inputs


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith(".")
            )
        else:
            files.append(path)
    return files


def _read(
    inputs: Inputs, path: Path, display: str, doc_id: str, lang: str | None, metadata: dict | None
) -> None:
    try:
        if path.suffix.lower() not in INPUT_SUFFIXES:
            raise InputError(display, f"unsupported input type {path.suffix or '(none)'!r}")
        if not path.is_file():
            raise InputError(display, "file not found")
        inputs.documents.append(extract_file(path, doc_id, lang, display, metadata))
    except InputError as err:
        inputs.problems.append(err)
    except Exception as err:  # noqa: BLE001 - a bug on one file must not stop the others
        inputs.problems.append(InputError(display, f"internal error: {type(err).__name__}: {err}"))


def translations(
    documents: list[Document], root: Path, pair_two: bool, lexicon: Lexicon
) -> list[Translation]:
    """The language versions among the documents (same symbol, `translation_of`), aligned
    with the human decisions of `root`. With `pair_two`, two documents in two languages are
    taken as versions of each other, as `planalign align A B` takes them."""
    pairs = translation_pairs(documents)
    if pair_two and not pairs and len(documents) == 2:
        a, b = documents
        if a.meta.language != b.meta.language:
            pairs = [(a, b) if a.meta.language == DRAFTING_LANGUAGE else (b, a)]
    overrides = load_overrides(root / OVERRIDES, str(OVERRIDES))
    encoder = load_encoder() if pairs else None  # about a second and 120 MB: only if needed
    return [align_translation(a, b, lexicon, overrides, encoder) for a, b in pairs]
