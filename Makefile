# Prefer python3.11; fall back to python3 when python3.11 is not on PATH.
PYTHON ?= $(if $(shell command -v python3.11 2>/dev/null),python3.11,python3)

VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Debian packages the tests and benchmarks need: a CJK TrueType font to render the test
# PDFs, poppler's pdftotext as the speed reference, and a word processor as the second PDF
# engine (LibreOffice Writer, headless) with a Song/Ming Chinese face and a Times-metric Latin
# one; and Chromium with its driver, the real browser the site's tests, `make views` and the
# site benchmark drive. Installed only when missing.
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
MING_FONT := /usr/share/fonts/truetype/arphic/uming.ttc
SERIF_FONT := /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
APT := $(if $(shell command -v sudo 2>/dev/null),sudo ,)apt-get

.PHONY: venv corpus demo views test bench clean system-deps

venv: $(STAMP)

system-deps:
	@missing=""; \
	[ -f $(CJK_FONT) ] || missing="$$missing fonts-wqy-microhei"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	[ -f $(MING_FONT) ] || missing="$$missing fonts-arphic-uming"; \
	[ -f $(SERIF_FONT) ] || missing="$$missing fonts-liberation2"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		$(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall (and build the C module again) only when pyproject.toml or the C source is newer
# than the stamp.
$(STAMP): pyproject.toml pipeline/readers/_pdfchars.c | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev,dask]'
	touch $(STAMP)

corpus: venv
	$(BIN)/planalign corpus

# The site over the project's test fixtures (a pair, a chain of three plans), in output/demo/.
demo: venv
	$(BIN)/python -m tools.demo

# A screenshot of each page kind at 1400 and 800 px, in output/site/screenshots/.
views: corpus demo system-deps
	$(BIN)/python -m tools.views

test: venv system-deps
	$(BIN)/ruff check pipeline tests benchmarks tools
	$(BIN)/ruff format --check pipeline tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

bench: venv system-deps
	$(BIN)/python -m benchmarks

clean:
	find output -mindepth 1 ! -name .gitkeep -delete
