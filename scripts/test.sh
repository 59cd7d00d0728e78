#!/usr/bin/env bash
# `npm test`: install what is needed, start the local sandbox, build, run every suite against the
# real services, stop the sandbox again (if this run started it), and print one closing line.
#   scripts/test.sh            unit, integration, e2e and fault drills
#   scripts/test.sh SUITE...   only these (unit | integration | e2e | faults)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
suites=("$@"); [ ${#suites[@]} -gt 0 ] || suites=(unit integration e2e faults)
mkdir -p artifacts/test
started_stack=0
cleanup() {
  if [ $started_stack = 1 ] && [ -z "${KEEP_STACK:-}" ]; then
    bash scripts/stack/secure.sh down >/dev/null 2>&1 || true
    bash scripts/stack.sh down || true
  fi
}
trap cleanup EXIT

bash scripts/setup.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }
needs_stack=0
for s in "${suites[@]}"; do [ "$s" != unit ] && needs_stack=1; done
if [ $needs_stack = 1 ]; then
  bash scripts/stack.sh status >/dev/null 2>&1 || started_stack=1
  bash scripts/stack.sh up || { echo "tests: 0 passed, 1 failed"; exit 1; }
fi
for s in "${suites[@]}"; do
  if [ "$s" = e2e ]; then npm run --silent build || { echo "tests: 0 passed, 1 failed"; exit 1; }; fi
done

rc=0
for s in "${suites[@]}"; do
  echo "== $s tests"
  npx vitest run --project "$s" --passWithNoTests --reporter=default --reporter=json --outputFile.json="artifacts/test/$s.json" || rc=1
done
node scripts/test-summary.mjs "${suites[@]}" || rc=1
exit $rc
