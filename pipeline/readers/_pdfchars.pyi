CHAR_FIELDS: int

def read_chars(
    textpage: int, count: int, functions: tuple[int | None, ...]
) -> tuple[bytes, bytes]: ...
