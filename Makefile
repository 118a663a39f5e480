# reportkit: `make run` installs everything and builds sources/ into dist/; `make test` runs
# the whole test suite.  Both work on a fresh Debian/Ubuntu machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMPS := .stamps
FORMATS ?= docx,pdf

.PHONY: run test testdata fuzz install lint bench clean

run: install
	$(BIN)/reportkit build sources/* -o dist/ --format $(FORMATS)

test: install testdata
	$(BIN)/python -m pytest

testdata:
	scripts/fetch-test-data.sh

# Property-based tests at ten times the examples of `make test` (over 5,000 cases); failing
# cases are kept in .hypothesis/ and tried first on the next run.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_properties.py --hypothesis-show-statistics

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: install
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/build_speed.py --formats docx
	$(BIN)/python bench/build_speed.py --formats docx,pdf
	$(BIN)/python bench/batch_speed.py
	$(BIN)/python bench/limits.py
	$(BIN)/python bench/large.py
	$(BIN)/python bench/peers.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/preview.py

install: $(STAMPS)/system $(STAMPS)/python

$(STAMPS)/system: scripts/install-system.sh
	scripts/install-system.sh
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/python: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@mkdir -p $(STAMPS) && touch $@

clean:
	rm -rf dist $(STAMPS) $(VENV)
