"""The renderings table (`pipeline.terminology.RenderingsTable`) as TSV and JSON."""

from __future__ import annotations

import json

from pipeline.terminology.table import COLUMNS, Rendering, RenderingsTable

TSV_HEADER = "\t".join(COLUMNS) + "\n"


def renderings_to_tsv(table: RenderingsTable) -> bytes:
    """One row per rendering; `units` space-separated xml:ids; dice and llr for mined terms."""
    return (TSV_HEADER + "".join(_tsv_row(row) for row in table.rows)).encode("utf-8")


def _tsv_row(row: Rendering) -> str:
    cells = [
        row.term,
        row.origin,
        row.scope,
        row.rendering,
        row.status,
        str(row.count),
        " ".join(row.units),
        _number(row.dice),
        _number(row.llr),
    ]
    return "\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in cells) + "\n"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def renderings_to_json(table: RenderingsTable) -> bytes:
    payload = {"columns": list(COLUMNS), "renderings": table.to_dicts()}
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
