#!/usr/bin/env bash
# Sets up everything qpipe needs on a fresh Debian machine with Node ≥ 20.19 and npm:
# the Debian packages for the headless Jupyter client and chart fonts, the npm packages, the build,
# and the Jupyter kernel specs used by the notebooks. Safe to run again: each step is skipped when done.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(python3-nbclient python3-nbconvert python3-nbformat jupyter-client
  python3-jupyter-kernel-test fonts-dejavu-core)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci deletes node_modules before installing, so it runs only when the lockfile (or Node) changed
# since the last install: running setup again must not pull the packages from under a running job.
stamp=node_modules/.qpipe-install-stamp
wanted="$(node --version) $(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  echo "setup: npm packages are up to date with package-lock.json"
elif [ -f package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error
  echo "$wanted" >"$stamp"
else
  npm install --no-fund --no-audit --loglevel=error
fi
npm run --silent build
if [ -f dist/src/cli/commands/kernel.js ]; then
  node bin/qpipe.js kernel install --user >/dev/null
fi
echo "setup: done"
