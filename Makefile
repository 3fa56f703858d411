# Prefer python3.11; fall back to python3 when python3.11 is not on PATH.
PYTHON ?= $(if $(shell command -v python3.11 2>/dev/null),python3.11,python3)

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv corpus test clean

venv: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml is newer than the stamp.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

corpus: venv
	$(BIN)/planalign corpus

test: venv
	$(BIN)/ruff check pipeline tests
	$(BIN)/python -m pytest -q

clean:
	rm -rf output/*
