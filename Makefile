# Open Softwarebroker: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BASE_PYTHON ?= $(shell command -v python3.12 2>/dev/null || command -v python3)
MANAGE := $(PY) src/manage.py
WITHDB := $(PY) -m development.withdb --
# src holds the application; the repository root the development tooling (development/).
export PYTHONPATH := $(CURDIR)/src:$(CURDIR)

# Reference data: used from the shared standards folder beside the project when it is
# there, otherwise downloaded once from the official published location.
STANDARDS := ../shared/standards
ADR_RULESET_URL := https://static.developer.overheid.nl/adr/ruleset.yaml
PUBLICCODE_SCHEMA_URL := https://json.schemastore.org/publiccode.json
ADR_RULESET := $(if $(wildcard $(STANDARDS)/adr/linter.yaml),$(STANDARDS)/adr/linter.yaml,.cache/adr-ruleset.yaml)
# Haal Centraal's own Spectral ruleset (Haal-Centraal-common, pinned to a commit): spectral.yml
# extends the rule files in spectral_rules/ by relative path.
HAAL_CENTRAAL_URL := https://raw.githubusercontent.com/VNG-Realisatie/Haal-Centraal-common/7db4c76013402a729de91df6991f17379d5a75d0
HAAL_CENTRAAL_RULES := allof-adds-property allof-extends-object allof-single-extension enum-value-snake-case \
	property-of-object-type query-parameter-names-camel-case schema-names-pascal-case too-much-information
HAAL_CENTRAAL_RULESET := $(if $(wildcard $(STANDARDS)/haal-centraal/spectral.yml),$(STANDARDS)/haal-centraal/spectral.yml,.cache/haal-centraal/spectral.yml)
PUBLICCODE_SCHEMA := $(if $(wildcard $(STANDARDS)/publiccode/publiccode_schema.json),$(STANDARDS)/publiccode/publiccode_schema.json,.cache/publiccode-schema.json)

APIS := catalogus bestellingen
SPEC_SETTINGS_catalogus := softwarebroker.api.definitions.CATALOGUS_SCHEMA_SETTINGS
SPEC_SETTINGS_bestellingen := softwarebroker.api.definitions.BESTELLINGEN_SCHEMA_SETTINGS
SPEC_URLCONF_catalogus := softwarebroker.urls.catalogus
SPEC_URLCONF_bestellingen := softwarebroker.urls.bestellingen
# Schema generation and the static checks need no database.
STATIC_ENV := DJANGO_SETTINGS_MODULE=softwarebroker.conf.test DATABASE_URL=postgresql://unused@localhost/unused

.PHONY: help run test venv browser lint format check-layers check-spec spec adr-lint haal-centraal-lint check-clients \
        check-docs docs check-publiccode check-docker check-chart check-migrations check-deploy pytest token benchmark \
        benchmark-pagination soak requirements clean

help:
	@echo "make run    start everything on http://127.0.0.1:8000"
	@echo "make test   run every check (lint, contract, ADR lint, tests on PostgreSQL, ...)"
	@echo "make spec   regenerate api-spec/ after changing the API"
	@echo "make docs   regenerate docs/configuration.md after changing settings"
	@echo "make soak   10 minutes of mixed traffic, then the database checked (not part of make test;"
	@echo "            options: make soak ARGS=\"--duration 90 --clients 16\", see docs/performance.md)"

$(STAMP): requirements/dev.txt requirements/base.txt
	@$(BASE_PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (see .python-version)")'
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements/dev.txt
	@# The virtualenv finds the project's packages without PYTHONPATH (for tools run on their own,
	@# such as .venv/bin/lint-imports or an editor's test runner).
	$(PY) -c 'import os, sysconfig; open(os.path.join(sysconfig.get_paths()["purelib"], "softwarebroker.pth"), "w").write(os.path.abspath("src") + "\n" + os.path.abspath(".") + "\n")'
	touch $(STAMP)

venv: $(STAMP)

# The browser tests (tests/browser) drive the system's Chromium through Playwright; Playwright's
# own browser downloads are not used. Installs Debian's package `chromium` when no chromium is
# on the PATH (through sudo when not root); CHROMIUM=/path/to/chromium uses another build.
browser:
	@if [ -n "$$CHROMIUM" ]; then \
		[ -x "$$CHROMIUM" ] || { echo "CHROMIUM=$$CHROMIUM is not an executable" >&2; exit 1; }; \
	elif ! command -v chromium >/dev/null; then \
		if command -v apt-get >/dev/null; then \
			if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
			echo "Installing Chromium (Debian package 'chromium') for the browser tests"; \
			$$SUDO apt-get update -q && \
			$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
		fi; \
		command -v chromium >/dev/null || { echo "The browser tests need Chromium: install the package" \
			"'chromium' (apt-get install chromium) or set CHROMIUM=/path/to/chromium" >&2; exit 1; }; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(STAMP)
	@$(PY) -m development.run

test: lint check-layers check-spec adr-lint haal-centraal-lint check-clients check-docs check-publiccode check-docker \
      check-chart check-migrations check-deploy pytest
	@echo "make test: all checks passed"

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The import contracts in .importlinter: the application's layers point one way, no import
# cycles inside a package, no development tooling, tests or benchmarks imported by the app.
check-layers: $(STAMP)
	$(VENV)/bin/lint-imports --no-logo --no-cache

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.cache/generated/%.yaml: $(STAMP) FORCE
	@mkdir -p .cache/generated
	$(STATIC_ENV) $(MANAGE) spectacular --validate --fail-on-warn \
		--urlconf $(SPEC_URLCONF_$*) --custom-settings $(SPEC_SETTINGS_$*) --file $@

FORCE:

check-spec: $(foreach api,$(APIS),.cache/generated/$(api).yaml)
	@for api in $(APIS); do \
		diff -u api-spec/$$api.yaml .cache/generated/$$api.yaml > /dev/null \
		|| { diff -u api-spec/$$api.yaml .cache/generated/$$api.yaml | head -40; \
		     echo "api-spec/$$api.yaml is out of date: run 'make spec'"; exit 1; }; \
	done
	@echo "api-spec/ matches the code"

spec: $(foreach api,$(APIS),.cache/generated/$(api).yaml)
	@for api in $(APIS); do cp .cache/generated/$$api.yaml api-spec/$$api.yaml; done
	@echo "api-spec/ regenerated"

.cache/adr-ruleset.yaml:
	@mkdir -p .cache
	curl -fsSL $(ADR_RULESET_URL) -o $@

.cache/publiccode-schema.json:
	@mkdir -p .cache
	curl -fsSL $(PUBLICCODE_SCHEMA_URL) -o $@

# 0 errors and 0 warnings.
adr-lint: node_modules/.installed $(ADR_RULESET)
	@for api in $(APIS); do \
		echo "Spectral (NL API Design Rules) on api-spec/$$api.yaml"; \
		npx --no-install spectral lint --fail-severity warn -r $(ADR_RULESET) api-spec/$$api.yaml || exit 1; \
	done

# The rule files first, spectral.yml last: a failed download leaves no ruleset behind.
.cache/haal-centraal/spectral.yml:
	@mkdir -p .cache/haal-centraal/spectral_rules
	@for rule in $(HAAL_CENTRAAL_RULES); do \
		curl -fsSL $(HAAL_CENTRAAL_URL)/spectral_rules/$$rule.yml -o .cache/haal-centraal/spectral_rules/$$rule.yml || exit 1; \
	done
	curl -fsSL $(HAAL_CENTRAAL_URL)/.spectral.yml -o $@

# No errors; the warnings that remain are listed, with their reason, in docs/api-guide.md.
haal-centraal-lint: $(STAMP) node_modules/.installed $(HAAL_CENTRAAL_RULESET)
	$(PY) -m development.check_haal_centraal $(HAAL_CENTRAAL_RULESET) docs/api-guide.md \
		$(foreach api,$(APIS),api-spec/$(api).yaml)

# Python clients generated from both documents (no generator warning), and the example
# programs in docs/examples/ type-checked against them with mypy --strict.
check-clients: $(STAMP)
	$(PY) -m development.check_clients

check-docs: $(STAMP)
	$(STATIC_ENV) $(MANAGE) generate_configuration_docs --check
	$(STATIC_ENV) $(MANAGE) generate_notificaties --output-file .cache/notificaties.md
	@diff -u docs/notificaties.md .cache/notificaties.md || (echo "docs/notificaties.md is stale: run make docs" && exit 1)
	$(VENV)/bin/mkdocs build --strict

docs: $(STAMP)
	$(STATIC_ENV) $(MANAGE) generate_configuration_docs
	$(STATIC_ENV) $(MANAGE) generate_notificaties --output-file docs/notificaties.md

check-publiccode: $(STAMP) $(PUBLICCODE_SCHEMA)
	$(PY) -m development.check_publiccode $(PUBLICCODE_SCHEMA) publiccode.yml

check-docker: $(STAMP)
	$(PY) -m development.check_dockerfile Dockerfile

check-chart: $(STAMP)
	$(PY) -m development.check_chart helm/softwarebroker

check-migrations: $(STAMP)
	DJANGO_SETTINGS_MODULE=softwarebroker.conf.test $(WITHDB) $(MANAGE) makemigrations --check --dry-run --no-input

check-deploy: $(STAMP)
	DJANGO_SETTINGS_MODULE=softwarebroker.conf.production DATABASE_URL=postgresql://unused@localhost/unused \
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') ALLOWED_HOSTS=softwarebroker.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

# The suite on every core (pytest-xdist, PYTEST_WORKERS workers, default one per core), each
# worker with a test database of its own, and schemathesis in a process per API beside it: see
# development/run_tests.py. Options for pytest: make pytest ARGS="-x".
export PYTEST_WORKERS ?= auto
pytest: $(STAMP) browser
	$(WITHDB) $(PY) -m development.run_tests $(ARGS)

# A fresh token for a demo API client: make token CLIENT_ID=voorbeeldstad-afnemer [USER_ID=...]
token: $(STAMP)
	@DJANGO_SETTINGS_MODULE=softwarebroker.conf.dev $(WITHDB) $(MANAGE) generate_jwt $(or $(CLIENT_ID),voorbeeldstad-afnemer) $(if $(USER_ID),--user-id $(USER_ID))

# Both APIs under load next to their floors (gunicorn + wrk; installs wrk from Debian if
# missing), then the in-process benchmarks. ARGS go to every one; each takes the options it
# knows and ignores the others: make benchmark ARGS="--duration 10"
benchmark: $(STAMP)
	@command -v wrk >/dev/null || apt-get install -y wrk
	PYTHONPATH=src:. $(PY) -m benchmarks.catalogus $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.bestellingen $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.aanmaken $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.licenties $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.vraagbundelingen $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.gebruik $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.exports $(ARGS)
	PYTHONPATH=src:. $(PY) -m benchmarks.rapportages $(ARGS)

# List pagination on a million rows (in-process).
benchmark-pagination: $(STAMP)
	PYTHONPATH=src:. $(PY) -m benchmarks.pagination --rows 1000000 --repeat 30

# Soak, not part of make test: 16 clients for 10 minutes of mixed traffic (70 % catalogue reads,
# 20 % order reads, 10 % order creation and transitions) against gunicorn with the production
# settings and the task worker, then memory, database connections and the database itself
# checked; exits non-zero when anything failed (docs/performance.md, "Soak"). Installs the load
# generator (locust, requirements/soak.txt) into the virtualenv first; run and test do not need
# it. Options: make soak ARGS="--duration 90 --clients 16"
SOAK_STAMP := $(VENV)/.soak-installed
$(SOAK_STAMP): $(STAMP) requirements/soak.txt
	$(PY) -m pip install --quiet -r requirements/soak.txt
	touch $@

soak: $(SOAK_STAMP)
	$(PY) -m benchmarks.soak $(ARGS)

requirements: $(STAMP)
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/base.txt requirements/base.in
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/dev.txt requirements/dev.in
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/soak.txt requirements/soak.in

clean:
	rm -rf .cache static .pytest_cache
