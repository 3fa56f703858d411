"""Manifests of the small corpora the tests build from their fixtures (written for the tests)."""

from __future__ import annotations


def entry(doc_id: str, file: str, lang: str, extra: str = "") -> str:
    """One `[[document]]` table of a manifest."""
    return (
        f'[[document]]\nid = "{doc_id}"\nfile = "{file}"\nlang = "{lang}"\n'
        f'convention = "APMBC"\nkind = "action-plan"\ntitle = "Fixture {doc_id}"\n{extra}\n'
    )


def pair_entries() -> str:
    """The bilingual fixture plan as a translation pair: fx-en and fx-zh."""
    return entry("fx-en", "plan-en.txt", "en") + entry(
        "fx-zh", "plan-zh.txt", "zh", 'translation_of = "fx-en"\n'
    )


def chain_entries() -> str:
    """The fixture chain of three plans: fx-a, fx-b following it, fx-c following fx-b."""
    return "".join(
        entry(
            f"fx-{n}",
            f"plan-{n}.txt",
            "en",
            f'plan = "fx-{n}"\n' + (f'follows = "fx-{p}"\n' if p else ""),
        )
        for n, p in zip("abc", ["", "a", "b"], strict=True)
    )
