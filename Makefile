# Two commands matter: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo install test lint typecheck pytest bench screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/loopdeck --demo

# The `loopdeck` command on your PATH for daily use, in an environment of its own.
install:
	@if command -v pipx >/dev/null 2>&1; then pipx install --force .; \
	elif command -v uv >/dev/null 2>&1; then uv tool install --force .; \
	else echo "install pipx or uv first (python3 -m pip install --user pipx)" >&2; exit 1; fi

lint: $(STAMP)
	$(BIN)/ruff check planner storage tui tests bench
	$(BIN)/ruff format --check planner storage tui tests bench

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/lint-imports

# Tests run in parallel, two workers per CPU (pytest-xdist, see tests/conftest.py);
# `.venv/bin/pytest FILE` stays serial.
# Compiled modules are kept (__pycache__) even where PYTHONDONTWRITEBYTECODE is set: each
# worker and each `loopdeck` process a test starts (merge drivers included) would otherwise
# compile every module from source again, and rewrite every test module's asserts.
pytest: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n auto --dist worksteal

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

screenshots: $(STAMP)
	$(BIN)/python -m tui.screenshots

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
	find planner storage tui tests bench -name __pycache__ -prune -exec rm -rf {} +
