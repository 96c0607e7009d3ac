# marsad — one-command setup, demo and tests. Everything the project needs is installed from here.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := data/gold/dev data/gold/test
STAMP := $(VENV)/.installed

.PHONY: install compile demo extract-samples serve test test-deps lint bench fuzz clean web

# The install compiles the extraction path with Cython (setup.py; about 2 minutes on 2 cores). It
# is built by setup.py itself rather than pip's build, whose build folder is thrown away: kept in
# build/, `make compile` then rebuilds only what an edit changed.
$(STAMP): pyproject.toml requirements.lock setup.py
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	MARSAD_PURE_PYTHON_BUILD=1 $(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python setup.py --quiet build_ext --inplace  # the compiled modules, kept in build/ for `make compile`
	$(BIN)/marsad gazetteer build >/dev/null
	$(BIN)/python -c "import marsad; marsad.extract('')"  # compiles the lexicon caches once
	$(BIN)/python -m compileall -q src >/dev/null  # bytecode even where PYTHONDONTWRITEBYTECODE is set
	touch $(STAMP)

install: $(STAMP)

# Rebuild the compiled modules whose source was edited since (seconds; a no-op when none was).
# Until then marsad runs those modules from source (src/marsad/_compiled.py).
compile: install
	$(BIN)/python setup.py --quiet build_ext --inplace

# The quickstart's main job: extract the bundled sample reports to CSV, load them into the
# embedded SQLite database, and serve the map on http://127.0.0.1:8000
HOST ?= 127.0.0.1
PORT ?= 8000
demo: install
	$(BIN)/marsad extract $(SAMPLES) -o out/sample-events.csv
	$(BIN)/marsad ingest $(SAMPLES)
	$(BIN)/marsad serve --host $(HOST) --port $(PORT)

extract-samples: install
	$(BIN)/marsad extract $(SAMPLES) -o out/sample-events.csv

# Browser for the end-to-end UI tests: Debian's chromium (never a downloaded browser build).
test-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' (browser tests will be skipped)"; fi; }

# The quality guards: data/gold dev, then the real reports of ../shared/realdev (or
# $MARSAD_REALDEV), whose check is skipped with a message when that folder is absent.
# The guards' full tables go to out/eval-*.txt (printed only when a guard fails); the run ends
# with one summary line.
test: install compile test-deps
	$(BIN)/ruff check src tests bench
	MARSAD_REQUIRE_COMPILED=1 $(BIN)/python -m pytest -n 2 -q
	@mkdir -p out
	@COLUMNS=100 $(BIN)/marsad eval data/gold/dev --check --worst 0 > out/eval-gold-dev.txt 2>&1 \
	  || { cat out/eval-gold-dev.txt; exit 1; }
	@COLUMNS=100 $(BIN)/marsad eval --realdev --check --worst 0 > out/eval-realdev.txt 2>&1 \
	  || { cat out/eval-realdev.txt; exit 1; }
	@echo "make test: passed — ruff, pytest; $$(sed -n '/^ok:/,$$p' out/eval-gold-dev.txt | tr -s ' \n' ' '); $$(sed -n '/^\(ok\|realdev check skipped\):*/,$$p' out/eval-realdev.txt | tr -s ' \n' ' ')"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: install
	$(BIN)/python bench/bench_extract.py

# Record accounting under generated hostile input, and the long-token timings (docs/robustness.md).
FUZZ_RECORDS ?= 10000
fuzz: install
	$(BIN)/python bench/fuzz_records.py --records $(FUZZ_RECORDS) --workers 2
	$(BIN)/python bench/bench_long_tokens.py

# The web UI, bundled into src/marsad/web/static (committed, so `pip install` needs no npm): the
# Arabic value labels from the knowledge base, then esbuild over the npm packages (no CDN).
web: install
	$(BIN)/python web/scripts/labels_ar.py
	cd web && npm ci && npm run build

clean:
	rm -rf $(VENV) out .marsad artefacts .pytest_cache build src/marsad/_compiled.sha256
	find src -name '*.so' -delete
