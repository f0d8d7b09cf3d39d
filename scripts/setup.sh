#!/usr/bin/env bash
# Installs what Coauthor needs on Debian/Ubuntu when it is missing: libgraphviz (headers and
# plugins, for in-process layout and SVG/PNG/PDF rendering), zlib (gzip-compressed inputs), and
# Chromium + Python 3 for the browser test of the HTML report, and xmllint
# (libxml2-utils) for the well-formedness checks of the hostile-input tests. Safe to run again.
set -euo pipefail

need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev)
# zlib headers, for reading .gz inputs (the CZlib module).
pkg-config --exists zlib 2>/dev/null || need+=(zlib1g-dev)
# libgraphviz-dev pulls in libgvc6 (layout engines, SVG and the cairo PNG/PDF plugin); a font for label sizes.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
# Graphviz's command-line tools: the hostile-input test checks exported DOT with `dot -Tcanon`.
command -v dot >/dev/null 2>&1 || need+=(graphviz)
# The browser test opens the HTML report in headless Chromium, driven by a standard-library Python script.
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The hostile-input tests (CLITests/HostileInputTests.swift) check every XML output with xmllint.
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
# The Spark tests (spark/test.sh): Java for Spark, and venv for the pyspark virtual environment.
command -v java >/dev/null 2>&1 || [ -n "${JAVA_HOME:-}" ] || need+=(default-jre-headless)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: Swift 6.1 or later is required (https://swift.org/install)" >&2; exit 1; }
