# Set-up is part of every target: a venv in .venv with the project installed (editable).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/harbour-lights.txt

.PHONY: install demo test lint benchmark clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("audio-edition needs Python 3.10 or newer") if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/audio-edition build $(EXAMPLE) -o output

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check audio_edition tests benchmarks
	$(BIN)/ruff format --check audio_edition tests benchmarks
	$(BIN)/mypy

benchmark: install
	$(BIN)/python benchmarks/run.py --results benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
