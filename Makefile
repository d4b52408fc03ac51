# The two quick-start commands (`make run`, `make test`) set up .venv by themselves.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint fixtures gate bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "make: $(PYTHON) not found (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

## run: extract every sample input under fixtures/ and show the result
run: $(STAMP)
	$(BIN)/stripper extract $(sort $(wildcard fixtures/*/input.*))

## test: the whole test suite (unit tests, rule examples, fixture cases)
test: $(STAMP)
	$(BIN)/python -m pytest -q

## lint: ruff over the code
lint: $(STAMP)
	$(BIN)/ruff check stripper tests bench

## fixtures: check every regression case under fixtures/
fixtures: $(STAMP)
	$(BIN)/stripper fixtures check fixtures/

## gate: score stripper and trafilatura on ../shared/corpus against the pinned floors
gate: $(STAMP)
	$(BIN)/python bench/gate.py --check

## bench: speed and memory against trafilatura, written to bench/RESULTS.md
bench: $(STAMP)
	$(BIN)/python bench/speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
