#!/usr/bin/env bash
# Installs Debian's chromium for the browser test (tests/browser) when it is missing.
# Idempotent: does nothing when /usr/bin/chromium exists. Needs root (CI runs as root);
# without root or apt-get it says so and exits 0, and the browser test then skips
# (outside CI) or fails with that reason (under CI=true).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: apt-get not found; install Chromium by hand for the browser test" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "ensure-chromium: not root; run 'apt-get install chromium' as root for the browser test" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
# A failed install must not stop the rest of CI: the browser test then fails and says why.
if ! { $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core; } >/tmp/ensure-chromium.log 2>&1; then
    echo "ensure-chromium: apt-get could not install chromium (see /tmp/ensure-chromium.log)" >&2
    exit 0
fi
/usr/bin/chromium --version 2>/dev/null || true
