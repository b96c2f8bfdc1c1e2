# The two commands: `make demo` and `make test`. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
API ?= all
SOURCE ?=
ACCEPT_BREAKING ?=

# `make demo` alone installs only what the demo runs (the SDK, its fakes and the command line's
# tables), not the type checker and the test tools; `make test` installs everything on top.
DEMO_STAMP := $(VENV)/.installed-demo

BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

.PHONY: install demo test lint typecheck pytest prism regen check-generated api-snapshot reliability fuzz bench mutate wheel clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[testing,cli,async]" --group dev
	touch $(STAMP)

install: $(STAMP)

$(DEMO_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[testing,cli]"
	touch $(DEMO_STAMP)

# The main job, end to end, against the embedded fake servers.
demo: $(if $(wildcard $(STAMP)),$(STAMP),$(DEMO_STAMP))
	$(BIN)/python scripts/demo.py

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check facade scripts tests
	$(BIN)/ruff format --check facade scripts tests

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) prism
	$(BIN)/pytest

# Stoplight Prism, an independent mock server, for tests/facade/test_prism.py; installed into
# .prism/ when npm is there (without it those tests are skipped, saying why).
PRISM_VERSION := 5.14.2
PRISM := .prism/node_modules/.bin/prism

prism: $(PRISM)

$(PRISM):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix .prism --no-audit --no-fund --silent @stoplight/prism-cli@$(PRISM_VERSION) \
			|| echo "Prism could not be installed: its tests will be skipped"; \
	else echo "npm not found: the Prism tests will be skipped"; fi

# Pull the published spec(s) and regenerate: `make regen API=asteroid SOURCE=path-or-url`.
# A release that breaks code using the facade is refused unless ACCEPT_BREAKING=1.
regen: $(STAMP)
	$(BIN)/python scripts/regenerate.py $(API) $(if $(SOURCE),--source $(SOURCE)) $(if $(filter 1 yes true,$(ACCEPT_BREAKING)),--accept-breaking)

check-generated: $(STAMP)
	$(BIN)/python scripts/regenerate.py all --check

# Rewrite docs/api/agent_executions.txt, the public API that `make test` compares with the code.
api-snapshot: $(STAMP)
	$(BIN)/python scripts/api_snapshot.py

# Run the fault matrix and the hostile-server cases and write their tables into docs/reliability.md.
reliability: $(STAMP)
	$(BIN)/python scripts/fault_matrix.py
	$(BIN)/python scripts/hostile_servers.py

# The response fuzzing with 10,000 generated cases (make test runs a few hundred).
fuzz: $(STAMP)
	FUZZ_EXAMPLES=1000 $(BIN)/pytest -q tests/reliability/test_fuzz_parsing.py

# Benchmarks, in their own environment: the vendor's SDK (and its pydantic) stays out of .venv.
$(BENCH_STAMP): pyproject.toml
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=25.1"
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e ".[testing,async,duckdb,parquet]" asteroid-odyssey==1.9.167
	touch $(BENCH_STAMP)

# The listings (into docs/benchmarks.md), then the sync into DuckDB and the Parquet export, each
# beside a plain listing of the same 10,000 executions (printed; figures in docs/decisions.md).
bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python scripts/bench.py
	$(BENCH_VENV)/bin/python scripts/bench_sync.py
	$(BENCH_VENV)/bin/python scripts/bench_parquet.py

# Mutation testing of the core modules (cosmic-ray), in a copy of the tree; writes its score and
# surviving mutants into docs/reliability.md. Long: not part of `make test`.
# MUTATE_MODULES=pagination,errors narrows it.
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --group mutate
	$(BIN)/python scripts/mutate.py $(if $(MUTATE_MODULES),--modules $(MUTATE_MODULES))

# The wheel and sdist into dist/, as pip would install them (README, Install).
wheel: $(STAMP)
	$(BIN)/python -m hatchling build -d dist

clean:
	rm -rf $(VENV) $(BENCH_VENV) .pytest_cache .mypy_cache .ruff_cache .prism .mutants dist
