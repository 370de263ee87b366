# SOP Kinerja — perintah kerja. Hanya butuh python3 (>= 3.11) dan make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Kata sandi demo yang dapat ditebak hanya untuk `make run` di komputer sendiri.
DEMO_PASSWORD ?= rumah-gadang-2026

.PHONY: run test install install-dev migrate demo lint format clean bench

$(VENV)/.terpasang: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Butuh Python 3.11 atau lebih baru.")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.terpasang-dev: $(VENV)/.terpasang requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.terpasang

install-dev: $(VENV)/.terpasang-dev

migrate: install
	DEBUG=1 $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(PY) manage.py seed_demo --kata-sandi "$(DEMO_PASSWORD)"

run: demo
	@echo "SOP Kinerja berjalan di http://$(HOST):$(PORT)/  (hentikan dengan Ctrl+C)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(VENV)/bin/pytest

# Tolok ukur (docs/performance.md): SQLite di bench/results/ tanpa DATABASE_URL; dengan DATABASE_URL PostgreSQL
# (nama basis data berawalan bench_) ditambah uji beban locust. BENCH_PRESET=stress untuk 2 juta baris; BEBAN=0
# melewati uji beban.
BENCH_PRESET ?= sumbar
BEBAN ?= 1
bench: install-dev
	$(PY) -m bench.run --preset $(BENCH_PRESET) $(if $(and $(findstring postgres,$(DATABASE_URL)),$(filter 1,$(BEBAN))),--beban,)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
