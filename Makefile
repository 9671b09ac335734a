# eventwire: `make demo` runs the pipeline on the bundled samples, `make test` runs the tests.
# Both install into .venv first (quick when nothing changed).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
SEED := $(wildcard $(SHARED)/seeds/*.txt)

.PHONY: install demo test lint typecheck check clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,ray]'
	@touch $(STAMP)

demo: install
	@rm -f demo.duckdb
	$(BIN)/eventwire ingest examples/ $(SEED) --db demo.duckdb
	$(BIN)/eventwire events --db demo.duckdb --format table
	@echo "Explore these events in a browser: $(BIN)/eventwire serve --db demo.duckdb, then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

clean:
	rm -rf $(VENV) demo.duckdb .pytest_cache .mypy_cache .ruff_cache
