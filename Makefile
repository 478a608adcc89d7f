# policyc — two entry points, both self-contained on a machine with Python >= 3.11 and make:
#   make        set up .venv, check every policy, run their test cases, build generated/ and
#               the documentation site (site/)
#   make test   set up .venv, run ruff, mypy, the whole test suite, fail if generated/ is stale,
#               and build the documentation site with `mkdocs build --strict`
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# mkdocs-material prints a notice about MkDocs 2 on every build; the site pins mkdocs < 2.
export NO_MKDOCS_2_WARNING := 1

.PHONY: all setup check policy-tests build web simulation site generated-current site-strict browser java node jscheck test test-checks lint fmt-check vscode fuzz clean

all: check policy-tests build simulation site vscode

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  (echo "policyc needs Python >= 3.11" >&2; exit 1)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,docs,api,sim,spark]'
	touch $(STAMP)

check: $(STAMP)
	$(BIN)/policyc check

policy-tests: $(STAMP)
	$(BIN)/policyc test

build: $(STAMP)
	$(BIN)/policyc build

# The site's calculator (web/): the form library and esbuild from the npm registry, pinned by
# web/package-lock.json (`npm ci`), bundled with the generated schemas and JavaScript
# calculators into web/dist/ (one offline script). Node and npm: see `node` below.
WEB_STAMP := web/node_modules/.ci-stamp
$(WEB_STAMP): web/package.json web/package-lock.json | node
	@command -v npm >/dev/null 2>&1 || { echo "the site's calculator needs node and npm (apt-get install nodejs npm)" >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_STAMP)

web: $(WEB_STAMP)
	cd web && node build.mjs

# The simulation page of the docs site (docs/developers/simulation.md and .svg, committed): the
# seed policies over a seeded 100,000-profile synthetic population in DuckDB; deterministic.
simulation: build
	$(BIN)/python -m compiler.simulate.docs_page --out docs/developers

# The documentation site (mkdocs.yml): docs/ plus the guides that `build` renders into
# generated/markdown/ and the calculator that `web` bundles; open site/index.html or run
# `.venv/bin/mkdocs serve`.
# (web runs after build, also under make -j: the bundle reads generated/)
site: build
	$(MAKE) --no-print-directory web
	$(BIN)/mkdocs build

# generated/ is committed: fail when a rebuild would change it (also sees new or removed files)
generated-current: $(STAMP)
	$(BIN)/policyc build --check

# The site must build without a single warning from the committed generated/markdown/. The test
# suite reads this build (POLICYC_TEST_SITE below) rather than building the site again.
site-strict: generated-current web
	$(BIN)/mkdocs build --strict 2>$(VENV)/site-strict.log || { cat $(VENV)/site-strict.log >&2; exit 1; }
	@cat $(VENV)/site-strict.log >&2; if grep -q WARNING $(VENV)/site-strict.log; then exit 1; fi

lint: $(STAMP)
	$(BIN)/ruff check compiler plugins tests
	$(BIN)/mypy

# Every policy is in the canonical layout (`policyc fmt` rewrites them).
fmt-check: $(STAMP)
	$(BIN)/policyc fmt --check policies/*.policy

# The site is tested in headless Chromium from Debian's packages (never a downloaded browser).
# Installed here when missing and we are root (as in CI); otherwise that test is skipped locally.
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian chromium and chromium-driver for the browser test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver fonts-noto-cjk >/dev/null; \
	else echo "chromium/chromedriver not installed and not root: the browser test will be skipped"; fi

# The Spark test needs a Java runtime (>= 17, for pyspark): Debian's, installed here when missing
# and we are root (as in CI); otherwise that one test is skipped.
java:
	@if command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's headless Java runtime for the Spark test"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    default-jre-headless >/dev/null; \
	else echo "java not installed and not root: the Spark test will be skipped"; fi

# The JavaScript calculators are run by Node (differential test) and type-checked by tsc
# (tools/jscheck, npm with a committed package-lock.json). Node and npm come from Debian's
# packages, installed here when missing and we are root; otherwise the Node test is skipped.
node:
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian nodejs and npm for the JavaScript calculators' tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	else echo "node/npm not installed and not root: the JavaScript tests will be skipped"; fi

JSCHECK := tools/jscheck
$(JSCHECK)/node_modules/.installed: $(JSCHECK)/package-lock.json
	cd $(JSCHECK) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

jscheck: node generated-current
	@if command -v npm >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory $(JSCHECK)/node_modules/.installed && \
	  $(JSCHECK)/node_modules/.bin/tsc -p $(JSCHECK)/tsconfig.js.json && \
	  $(JSCHECK)/node_modules/.bin/tsc -p $(JSCHECK)/tsconfig.json; \
	else echo "npm not installed: the JavaScript type check is skipped"; fi


# The VS Code extension (editors/vscode): npm ci from the committed package-lock.json, then
# vsce package writes editors/vscode/policyc.vsix (not committed: the zip records build times).
VSCODE := editors/vscode

$(VSCODE)/node_modules/.installed-stamp: $(VSCODE)/package-lock.json
	$(MAKE) --no-print-directory node
	cd $(VSCODE) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

vscode: $(VSCODE)/node_modules/.installed-stamp
	cd $(VSCODE) && npm run --silent package

# `make test`: the system packages first (one apt-get at a time), then the checks that precede
# the suite two at a time (each single-threaded; make prints each one's output whole when it
# ends, and stops at the first that fails), then the suite on PYTEST_WORKERS processes
# (pytest-xdist); tests/conftest.py keeps the tests that share a fixture on one process and
# starts the slowest first.
PYTEST_WORKERS ?= 2
CHECK_JOBS ?= 2
test: browser java node
	$(MAKE) --no-print-directory -j$(CHECK_JOBS) --output-sync=target test-checks
	POLICYC_TEST_SITE=site $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --no-loadscope-reorder

test-checks: lint fmt-check generated-current site-strict jscheck vscode

# The long fuzz run (not part of `make test`, which runs a few thousand texts): 100,000 mutated
# policies through the checker and every backend; prints the failure counts and exits 1 on any.
FUZZ_COUNT ?= 100000
FUZZ_SEED  ?= 1
fuzz: $(STAMP)
	nice $(BIN)/python tests/fuzz.py --count $(FUZZ_COUNT) --seed $(FUZZ_SEED)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache site $(JSCHECK)/node_modules $(VSCODE)/node_modules

# OpenFisca beside the DuckDB simulation on the same rules and population (issue 11's batch
# figure): openfisca-core pinned in benchmarks/openfisca/requirements.txt, in a venv of its own
# (never .venv, never part of `make` or `make test`). BENCH_ARGS: e.g. --profiles 100000.
OF_VENV  := benchmarks/openfisca/.venv
OF_STAMP := $(OF_VENV)/.installed-stamp
BENCH_ARGS ?=
.PHONY: bench-openfisca
$(OF_STAMP): benchmarks/openfisca/requirements.txt pyproject.toml
	$(PYTHON) -m venv $(OF_VENV)
	$(OF_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(OF_VENV)/bin/python -m pip install --quiet -e '.[sim]' -r benchmarks/openfisca/requirements.txt
	touch $@

bench-openfisca: $(OF_STAMP)
	$(OF_VENV)/bin/python benchmarks/openfisca_compare.py $(BENCH_ARGS)
