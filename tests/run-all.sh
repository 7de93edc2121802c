#!/usr/bin/env bash
# Sets up a fresh machine and runs the whole test suite: the one command CI runs.
# Installs Debian's chromium (browser tests) and poppler-utils (PDF pages as pictures),
# makes .venv with the project and its test tools, then runs ruff, mypy and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v pdftoppm >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    chromium poppler-utils fonts-dejavu-core >/dev/null
fi

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check generator tests bench
.venv/bin/mypy generator
.venv/bin/pytest "$@"
