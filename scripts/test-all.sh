#!/usr/bin/env bash
# Sets everything up, then runs every test: type check, unit and property tests (vitest), and the
# notebook replay check through a real Jupyter client. Ends with one line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "tests: 0 passed, 1 failed (setup failed)"; exit 1; }

failed=0
passed=0

# `npm run typecheck` calls the project's TypeScript by path: tslab's bundled TypeScript 5.0 also
# provides a `tsc` bin, and npm may link that one into node_modules/.bin.
if npm run --silent typecheck; then passed=$((passed + 1)); else echo "typecheck failed"; failed=$((failed + 1)); fi

results=.vitest-results.json
rm -f "$results"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results"
vitest_status=$?
if [ -f "$results" ]; then
  read -r vp vf < <(node -e 'const r = require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + r.numFailedTestSuites)' "$PWD/$results")
  passed=$((passed + vp)); failed=$((failed + vf))
  if [ "$vp" = 0 ]; then echo "vitest ran no test"; failed=$((failed + 1)); fi
fi
if [ "$vitest_status" != 0 ] && [ "${vf:-0}" = 0 ]; then failed=$((failed + 1)); fi

if [ -f dist/src/cli/commands/notebooks.js ] && compgen -G "notebooks/*.ipynb" >/dev/null; then
  if node bin/qpipe.js notebooks verify; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi

echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
