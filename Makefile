# HipDesk: `make run` starts the app, `make test` runs every check. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
# The real FHIR engine the tests start (Medplum's FHIR router, tests/fhir_server): npm packages from the lock file.
FHIRSTAMP := tests/fhir_server/node_modules/.installed

.PHONY: run test lint bench bundle bundle-check clean system-deps

system-deps:
	@bash scripts/system-deps.sh

$(BIN)/python:
	@bash scripts/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TESTSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/hipdesk

lint: $(TESTSTAMP)
	$(BIN)/ruff check hipdesk tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

$(FHIRSTAMP): tests/fhir_server/package-lock.json
	@bash scripts/system-deps.sh
	cd tests/fhir_server && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: $(TESTSTAMP) $(FHIRSTAMP)
	$(BIN)/ruff check hipdesk tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

bench: $(TESTSTAMP)
	$(BIN)/python scripts/bench.py

bundle: $(TESTSTAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --clean build.spec

bundle-check: bundle
	@du -sh dist/hipdesk
	@bash -c 'time (HIPDESK_DB=$$(mktemp -d)/b.db dist/hipdesk/hipdesk --smoke)'

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache tests/fhir_server/node_modules
