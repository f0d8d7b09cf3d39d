#!/usr/bin/env bash
# The README's second command: set up and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase prints `phase: NAME: W s wall, C CPU s` on stderr (scripts/phase.sh).
source scripts/phase.sh
# The target graph: Package.swift, every import line and ARCHITECTURE.md agree (seconds, no build).
phase check-architecture bash scripts/check-architecture.sh
phase setup bash scripts/setup.sh
phase build swift build --build-tests
# The browser test (CLITests/BrowserTests.swift) opens the HTML report in headless Chromium; it
# skips when Chromium is missing, except here, where setup.sh has just installed it.
export COAUTHOR_REQUIRE_BROWSER=1
# The export round trip (CLITests/ExportCommandTests.swift runs Tests/CLITests/export_roundtrip.py)
# reads GraphML, GEXF and node-link JSON back with networkx; install it when missing, and fail
# rather than skip if it still cannot be imported.
if ! python3 -c 'import networkx' >/dev/null 2>&1; then
  echo "test: installing networkx" >&2
  python3 -m pip install --quiet networkx || python3 -m pip install --quiet --break-system-packages networkx
fi
export COAUTHOR_REQUIRE_NETWORKX=1
phase "swift test" swift test --skip-build "$@"
# The Spark job (spark/): its tests on local[2] and on a standalone master with two workers, and
# its equality with Coauthor; a virtual environment with pyspark is set up once in .venv-spark/.
# Skipped with the reason when Java or pyspark cannot be had, a failure under CI=true.
phase spark bash spark/test.sh
