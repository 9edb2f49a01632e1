# asf-evaluation: two commands set everything up (see README.md); `make` alone lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# the browser tests' executable: the path tests/test_browser.py looks at
CHROMIUM := /usr/bin/chromium
lang ?= en
# make test n=auto: spread the suite over every core (pytest-xdist); the default suits 2 shared cores
n ?= 2
# make explore port=N: the port the dashboard tries first (Voilà's default; taken, the next free one)
port ?= 8866

# The variables take only their documented values; anything else stops make with one line naming the
# variable and its values, before any command runs. $(value ...) reads a value as given, without running
# what it holds ($(shell ...)); the values reach the shell quoted.
one_word = $(filter 1,$(words $(value $(1))))
no_digits = $(subst 0,,$(subst 1,,$(subst 2,,$(subst 3,,$(subst 4,,$(subst 5,,$(subst 6,,$(subst 7,,$(subst \
  8,,$(subst 9,,$(1)))))))))))
refuse = $(error $(1)='$(value $(1))' is not allowed: $(1) must be $(2))
SWITCH := 1 yes true 0 no false
$(if $(and $(call one_word,lang),$(filter en sv,$(value lang))),,$(call refuse,lang,en or sv))
$(if $(and $(call one_word,n),$(or $(filter auto,$(value n)),$(if $(call no_digits,$(value n)),,number))),,\
  $(call refuse,n,a number or auto))
$(if $(and $(call one_word,port),$(if $(call no_digits,$(value port)),,number)),,$(call refuse,port,a number))
$(foreach v,code force,$(if $(value $(v)),$(if $(and $(call one_word,$(v)),$(filter $(SWITCH),$(value $(v)))),,\
  $(call refuse,$(v),one of $(SWITCH) or empty))))

.DEFAULT_GOAL := help
.PHONY: help report build audit verify test golden lint typecheck lab explore lock bench chromium clean

help: ## list the targets (this text)
	@echo "usage: make TARGET   (the first run creates .venv from requirements.lock)"
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z]+):.*## /  \1\t/' | expand -t 12

# .venv from the hash-checked lock (uv when it can be had, else pip; ASF_NO_UV=1 forces pip), one
# set-up at a time; the stamp is written only when everything installed.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) tools/bootstrap.py --venv $(VENV)

# make report [lang=sv] [code=1: also the edition with code] [force=1: rebuild even if up to date]
REPORT_FLAGS = $(if $(filter 1 yes true,$(code)),--with-code) $(if $(filter 1 yes true,$(force)),--force)
report: $(STAMP) ## raw data -> data/processed/ -> reports/*.html (lang=sv, code=1, force=1)
	$(PY) -m asfdata report --lang '$(lang)' $(strip $(REPORT_FLAGS))

build: $(STAMP) ## rebuild data/processed/ from data/raw/ (with the audit)
	$(PY) -m asfdata build

audit: $(STAMP) ## every consistency check of the report's figures, mismatches first
	$(PY) -m asfdata audit

verify: $(STAMP) ## rebuild data/processed/ in a scratch folder and compare byte for byte
	$(PY) -m asfdata verify

chromium: ## Debian's Chromium for the browser tests (installed when missing and root)
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "$(CHROMIUM) missing and not root: browser tests will be skipped (failed when CI is set)"; fi; \
	fi

# PYTHONDONTWRITEBYTECODE is unset for the suite (as the set-up ignores it for .venv): else every worker,
# kernel and subprocess compiles pytest, xdist, frictionless... again on every run (seconds each time).
test: $(STAMP) chromium ## the whole test suite, on n=2 workers (n=0: in one process)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q $(if $(filter 0,$(n)),,-n '$(n)' --dist loadfile --no-loadscope-reorder)

golden: $(STAMP) ## rewrite tests/golden/ from both editions after a deliberate change of words
	$(PY) tools/golden.py

lint: $(STAMP) ## ruff over the package, tests, benchmarks and tools
	$(PY) -m ruff check asfdata tests benchmarks tools

typecheck: $(STAMP) ## mypy over asfdata/ (0 errors)
	$(PY) -m mypy asfdata

lab: $(STAMP) ## JupyterLab on notebooks/ (kernel: .venv's Python); --allow-root when root
	$(VENV)/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

# The explorer as a dashboard without code (Voilà; asfdata/explore_server.py): on 127.0.0.1 behind a token,
# the address to open printed, nothing fetched from the network; as root and as a user; Ctrl-C stops it with
# one line. lang=sv: in Swedish.
explore: $(STAMP) ## the explorer in a browser, without code (lang=sv, port=8866); Ctrl-C stops it
	@$(PY) -m asfdata.explore_server --lang '$(lang)' --port '$(port)'

bench: $(STAMP) ## time the build, the set-up and the suite against their budgets
	$(PY) benchmarks/bench.py

lock: ## re-resolve pyproject.toml into the hash-pinned requirements.lock (uv)
	@$(PYTHON) tools/bootstrap.py lock

clean: ## remove .venv and reports/
	rm -rf $(VENV) $(VENV).lock reports
