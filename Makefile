# policyc — two entry points, both self-contained on a machine with Python >= 3.11 and make:
#   make        set up .venv, check every policy, run their test cases, build generated/
#   make test   set up .venv, run ruff, mypy, the whole test suite, and fail if generated/ is stale
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: all setup check policy-tests build generated-current test lint clean

all: check policy-tests build

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  (echo "policyc needs Python >= 3.11" >&2; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/policyc check

policy-tests: $(STAMP)
	$(BIN)/policyc test

build: $(STAMP)
	$(BIN)/policyc build

# generated/ is committed: fail when a rebuild would change it (also sees new or removed files)
generated-current: $(STAMP)
	$(BIN)/policyc build --check

lint: $(STAMP)
	$(BIN)/ruff check compiler plugins tests
	$(BIN)/mypy

test: lint generated-current
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache site
