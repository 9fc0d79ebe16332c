# Set-up is part of every target: a venv in .venv with the project installed (editable).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/harbour-lights.txt

.PHONY: install demo test lint fuzz dist-check benchmark clean

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
	$(BIN)/ruff check audio_edition tests benchmarks fuzz .ci setup.py
	$(BIN)/ruff format --check audio_edition tests benchmarks fuzz .ci setup.py
	$(BIN)/mypy

# Coverage-guided fuzzing of the readers for a bounded time; seeds are the test fixtures.
fuzz: install
	$(BIN)/python -m pip install --quiet 'atheris>=2.3'
	mkdir -p .fuzz-corpus
	cp tests/fixtures/*.txt tests/fixtures/html/*.html tests/fixtures/markdown/*.md .fuzz-corpus/
	$(BIN)/python fuzz/fuzz_parsers.py -max_total_time=60 -rss_limit_mb=4096 .fuzz-corpus

# Build the wheel and sdist, check their contents, and run every command from the wheel installed
# the ordinary way in a fresh venv (the editable install of `make test` hides a missing module).
dist-check: install
	$(BIN)/python -m pip install --quiet 'build>=1.2' 'twine>=5'
	$(BIN)/python .ci/check_dist.py

benchmark: install
	$(BIN)/python benchmarks/run.py --results benchmarks/RESULTS.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .fuzz-corpus
