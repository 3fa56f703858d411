CHAR_FIELDS: int
CHECK_DIGITS: int
CHECK_GAPS: int
CHECK_CLEAN: int
SUPERSCRIPT_RATIO: float
RAISED_SHIFT: float
CELL_GAP: float
CELL_BULLETS: str

def read_chars(
    textpage: int, count: int, functions: tuple[int | None, ...]
) -> tuple[bytes, bytes]: ...
def page_paths(page: int, functions: tuple[int | None, ...]) -> bytes: ...
def page_lines(
    text: str, records: bytes, generated: bytes, checks: int, glued: str
) -> list[
    tuple[int, int, int, int, float, float, float, float, float, int, int, tuple[int, ...]]
]: ...
