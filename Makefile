# Two commands: `make run` (dashboard on the seed data) and `make test` (every test).
# Both are idempotent: the virtualenv is reused and requirements are re-installed
# only when a requirements file changed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM

.PHONY: run test venv chromium gazetteer clean-venv

run: $(VENV)/.runtime-installed gazetteer
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(VENV)/.test-installed chromium gazetteer
	$(PY) -m pytest $(PYTEST_ARGS)

venv: $(VENV)/.runtime-installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# Builds the local gazetteer index under data/ once (about 20 s); instant when it is current.
gazetteer: $(VENV)/.runtime-installed
	@$(PY) -c "from geo.geoparser import Geoparser; Geoparser.default()"

# Browser tests use the system Chromium (no browser downloads: the machine may be offline).
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium (needed by the browser tests)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "error: browser tests need Chromium at $(CHROMIUM)." >&2; \
		echo "  Debian/Ubuntu: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chromium)" >&2; \
		echo "  To skip browser tests: make test PYTEST_ARGS='-m \"not browser\"'" >&2; \
		exit 1; \
	fi

clean-venv:
	rm -rf $(VENV)
