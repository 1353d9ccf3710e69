# The commands the README documents, and the only ones CI calls.
#   make build   generate the pages from data/ and build the site into site/
#   make test    every test: lint, types, unit, golden, end-to-end build
#   make serve   live preview on http://127.0.0.1:8000/ that regenerates when data/ changes
#   make check   validate data/ only
#   make diff    what data/ changes against the merge base with main (or DIFF_BASE=<commit>), in Markdown

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve check diff clean

# The search index is made after mkdocs build, which empties site/; the scan then checks it too.
build: $(VENV)/.runtime
	$(BIN)/python -m generator generate
	$(BIN)/python -m mkdocs build --strict
	$(BIN)/python -m generator search
	$(BIN)/python -m generator scan

check: $(VENV)/.runtime
	$(BIN)/python -m generator check

test: $(VENV)/.dev
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy
	$(BIN)/actionlint -shellcheck=$(BIN)/shellcheck -pyflakes= .github/workflows/*.yml && $(BIN)/zizmor --offline --no-progress -q .github
	$(BIN)/python -m pytest

# The base's data/ is extracted with git archive into a temporary folder named data, like ours
# (pages name their data folder): git archive reads the commit without checking it out and leaves
# the repository as it was, where git worktree would register a checkout to remove afterwards.
# A base without data/ leaves the folder empty: no briefing yet. Only the report goes to stdout.
# DIFF_BASE reaches the script as a variable, never pasted into it.
export DIFF_BASE
diff:
	@$(MAKE) --no-print-directory -s $(VENV)/.runtime >&2
	@set -eu; \
	base="$${DIFF_BASE:-$$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main 2>/dev/null || true)}"; \
	if ! git rev-parse --quiet --verify "$$base^{commit}" >/dev/null; then \
	  echo "make diff: no commit '$$base' to compare with; set DIFF_BASE=<commit> (no main or origin/main?)" >&2; \
	  exit 2; \
	fi; \
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; mkdir "$$tmp/data"; \
	if [ "$$(git cat-file -t "$$base:data" 2>/dev/null)" = tree ]; then git archive "$$base" data | tar -x -C "$$tmp"; fi; \
	$(BIN)/python -m generator diff --base "$$tmp/data"

serve: $(VENV)/.runtime
	$(BIN)/python -m generator serve

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
