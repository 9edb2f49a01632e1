# asf-evaluation: two commands set everything up (see README.md).
#   make report            raw data -> data/processed/ -> reports/asf-evaluation-report.html
#   make report lang=sv    the Swedish edition
#   make test              the whole test suite (installs what the tests need)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
lang ?= en

.PHONY: report build audit verify test lint lab lock bench chromium clean

# Bootstrap .venv when it is missing or older than the lock file.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# make report [lang=sv] [code=1: also the edition with code] [force=1: rebuild even if up to date]
REPORT_FLAGS = $(if $(filter 1 yes true,$(code)),--with-code) $(if $(filter 1 yes true,$(force)),--force)
report: $(STAMP)
	$(PY) -m asfdata report --lang $(lang) $(strip $(REPORT_FLAGS))

build: $(STAMP)
	$(PY) -m asfdata build

audit: $(STAMP)
	$(PY) -m asfdata audit

verify: $(STAMP)
	$(PY) -m asfdata verify

# Debian's Chromium for the browser tests: installed when missing and we are root (as in CI).
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing and not root: browser tests will be skipped (failed when CI is set)"; fi; \
	fi

test: $(STAMP) chromium
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check asfdata tests benchmarks

lab: $(STAMP)
	$(PY) -m ipykernel install --sys-prefix --name asf-evaluation --display-name "asf-evaluation (.venv)" >/dev/null
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP)
	$(PY) benchmarks/bench.py

# Refresh the exact versions: resolve pyproject.toml's ranges in a scratch venv.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	.lockvenv/bin/pip freeze --exclude-editable | grep -v '^asfdata' > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf $(VENV) reports
