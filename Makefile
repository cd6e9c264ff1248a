# Two commands on a fresh machine: `make report` (set up, then run every sample unit into HTML)
# and `make test` (set up, then the whole test suite). Only python3 with venv is assumed.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup report test browser bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

report: setup
	$(VENV)/bin/perfeval run

# Headless Chromium and a CJK font for the browser tests and screenshots (Debian packages).
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto.*cjk" || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

test: setup browser
	$(VENV)/bin/pytest -q

bench: setup
	$(PY) bench/bench_cli.py

clean:
	rm -rf outputs/units outputs/*.html outputs/*.csv outputs/*.xlsx outputs/_runs
