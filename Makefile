# Two commands on a fresh machine: `make report` (set up, then run every sample unit into HTML)
# and `make test` (set up, then the whole test suite). Only python3 with venv is assumed.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_STAMP := $(VENV)/.lab-installed
LAB_ARGS ?=

.PHONY: setup report test test-fast lint browser bench clean lab

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

report: setup
	$(VENV)/bin/perfeval run

# JupyterLab (the `lab` extra, kept out of `make setup`) on the repository, opened on the unit report notebook.
# `make lab LAB_ARGS=--no-browser` on a machine without a desktop (it prints the address); Ctrl-C stops it.
lab: $(LAB_STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks/unit_report.ipynb \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

$(LAB_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[lab]'
	touch $(LAB_STAMP)

# Headless Chromium and a CJK font for the browser tests and screenshots (Debian packages).
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk" || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

test: setup browser lint
	$(VENV)/bin/pytest -q

# The layer and no-cycle contracts (import-linter), ruff, and mypy --strict on the package (except the modules listed as not yet strict).
lint: setup
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check lib tests bench
	$(VENV)/bin/mypy

# The suites that need no kernel, browser or batch (a minute or two): for working; CI runs `make test`.
test-fast: setup
	$(VENV)/bin/pytest -q -m "not slow"

# Benchmarks print their figures and the command that produced them (minutes: the batch one runs 20 units
# three ways; add `bench/bench_batch.py --scale 20,100,1000 --dask 100` for the scale figures).
bench: setup
	$(PY) bench/bench_cli.py
	$(PY) bench/bench_charts.py
	$(PY) bench/bench_draft.py
	$(PY) bench/bench_stages.py
	$(PY) bench/bench_batch.py --units 20

clean:
	rm -rf .mypy_cache .ruff_cache .import_linter_cache outputs/units outputs/*.html outputs/*.csv outputs/*.xlsx outputs/*.ipynb outputs/batch_status.json
