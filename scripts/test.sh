#!/usr/bin/env bash
# The README's second command: set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
# The browser test (CLITests/BrowserTests.swift) opens the HTML report in headless Chromium; it
# skips when Chromium is missing, except here, where setup.sh has just installed it.
export COAUTHOR_REQUIRE_BROWSER=1
swift test --skip-build "$@"
