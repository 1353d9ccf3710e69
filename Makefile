# The commands the README documents, and the only ones CI calls.
#   make build   generate the pages from data/ and build the site into site/
#   make test    every test: lint, types, unit, golden, end-to-end build
#   make serve   live preview on http://127.0.0.1:8000/ that regenerates when data/ changes
#   make check   validate data/ only

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve check clean

build: $(VENV)/.runtime
	$(BIN)/python -m generator generate
	$(BIN)/python -m mkdocs build --strict
	$(BIN)/python -m generator scan

check: $(VENV)/.runtime
	$(BIN)/python -m generator check

test: $(VENV)/.dev
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck -pyflakes= .github/workflows/*.yml && $(BIN)/zizmor --offline --no-progress -q .github
	$(BIN)/python -m pytest

serve: $(VENV)/.runtime
	$(BIN)/python -m generator generate
	$(BIN)/python -m mkdocs serve --dirty

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache

# The virtual environment is rebuilt when the pinned requirements change.
$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime
