# Both targets build .venv themselves: a fresh machine needs only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= output/kehoach.duckdb

.PHONY: run test bench fidelity clean system-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Debian packages some features and tests need (OCR, legacy .doc, browser tests).
APT_PACKAGES := chromium tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui

# An editable install writes no bytecode for the package, and where PYTHONDONTWRITEBYTECODE
# is set no run writes it either: every worker pool's fork server would compile the
# package from source again (0.15 s before any file is read). compileall writes it once;
# a source file edited later is compiled from source until the next compileall.
# setup.py compiles the PDFium helper (extract/readers/_pdfchars.c): an edit to either rebuilds.
$(VENV)/.installed: pyproject.toml setup.py extract/readers/_pdfchars.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q extract
	touch $@

system-deps:
	KEHOACH_APT_PACKAGES="$(APT_PACKAGES)" bash scripts/system-deps.sh

run: $(VENV)/.installed
	mkdir -p output
	$(BIN)/kehoach ingest corpus --db $(DB)

test: $(VENV)/.installed system-deps
	$(BIN)/python -m pytest

# Benchmark: a deterministic corpus of 300 plans (TXT, DOCX, PDF via LibreOffice), generated
# once into output/bench-corpus, then floor / naive baseline / kehoach --jobs 1, 2 / re-run;
# then floor / kehoach --jobs 1, 2 on the real gazette PDFs of REAL_CORPUS (skipped if absent).
BENCH_CORPUS ?= output/bench-corpus
REAL_CORPUS ?= ../shared/corpus/gazette
REAL_ROUNDS ?= 3
bench: $(VENV)/.installed system-deps
	mkdir -p output
	$(BIN)/python -m compileall -q extract bench
	test -f $(BENCH_CORPUS)/.seed || $(BIN)/python bench/generate.py --out $(BENCH_CORPUS) --count 300 --seed 20240601
	$(BIN)/python bench/run.py $(BENCH_CORPUS) --real $(REAL_CORPUS) --rounds $(REAL_ROUNDS) --out output/bench.json
	test ! -d $(REAL_CORPUS) || $(BIN)/python bench/fidelity.py $(REAL_CORPUS) --out output/fidelity.json

# Text fidelity of the PDF reader (also the last step of bench): per PDF of REAL_CORPUS, the
# share of PDFium's own page-text words the stored text keeps; names every file under 0.95
# (exit status 1 then).
fidelity: $(VENV)/.installed
	mkdir -p output
	$(BIN)/python bench/fidelity.py $(REAL_CORPUS) --out output/fidelity.json

clean:
	rm -rf $(VENV) output/*.duckdb output/*.wal
