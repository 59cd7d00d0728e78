#!/usr/bin/env bash
# npm run bench [-- options]: installs what is missing (fresh clone), makes sure the local stack
# (Kafka + Milvus Lite) is up, then runs the benchmark (bench/main.ts). Options: see --help.
#   npm run bench -- --records 5000      quick run
#   npm run bench -- --runs 3            medians over three runs
#   npm run bench -- --profile           also profile the engine (node --cpu-prof)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
case " $* " in *" --help "*|*" -h "*) exec npx tsx bench/main.ts --help ;; esac
bash scripts/setup.sh --no-browser
bash scripts/stack.sh up
exec npx tsx bench/main.ts "$@"
