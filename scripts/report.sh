#!/usr/bin/env bash
# The README's first command: set up, build (release) and write the report for the bundled MATS
# listing into Reports/. Extra arguments go to `coauthor report`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product coauthor
.build/release/coauthor report "$@"
