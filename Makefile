# Two commands do all set-up on a fresh machine:
#   make demo   builds a timeline from the bundled example articles and prints it
#   make test   runs the linters, the type checker and the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint install browser

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/storyline build examples/ --format md --max-events 25

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests
	$(BIN)/mypy

test: lint browser
	$(BIN)/python -m pytest -n 2 -q

# Headless Chromium and its driver for the web page tests (Debian packages; needs root).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }
