# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
DATA_DIR ?= $(CURDIR)/.actorgraph

.PHONY: run test install install-dev clean stop

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or: make PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# torch==2.13.0 first, alone: it is the CPU build; letting another package pick torch pulls CUDA.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	@touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP)
install-dev: $(DEVSTAMP)

run: $(STAMP)
	ACTORGRAPH_HOME=$(DATA_DIR) $(BIN)/actorgraph build seeds/
	ACTORGRAPH_HOME=$(DATA_DIR) $(BIN)/actorgraph --quiet db stop

test: $(DEVSTAMP)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/python -m pytest

stop:
	ACTORGRAPH_HOME=$(DATA_DIR) $(BIN)/actorgraph db stop

clean:
	-ACTORGRAPH_HOME=$(DATA_DIR) $(BIN)/actorgraph --quiet db stop
	rm -rf $(VENV) $(DATA_DIR)
