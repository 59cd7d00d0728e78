#!/usr/bin/env bash
# `npm run demo`: everything a first look needs on a fresh machine. Installs what is missing, starts
# the local sandbox (Kafka + Milvus), builds the app, starts the headless server with the browser UI
# on 127.0.0.1 in the background with the demo set up (`serve --demo`: topic and collection topic_0,
# the pipeline "Seed demo", demo records at ~20 msg/s), and prints its URL. `npm run demo -- stop`
# stops it all again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STACK_DIR=${STUDIO_STACK_DIR:-$PWD/.stack}
PORT=${STUDIO_PORT:-8484}
pid_file=$STACK_DIR/run/studio-$PORT.pid
url_file=$STACK_DIR/run/studio-$PORT.url
log=$STACK_DIR/logs/studio-$PORT.log

if [ "${1:-}" = stop ]; then
  [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null && echo "demo: server stopped" || true
  rm -f "$pid_file" "$url_file"
  bash scripts/stack.sh down
  exit 0
fi

bash scripts/setup.sh
bash scripts/stack.sh up
npm run --silent build
mkdir -p "$STACK_DIR/run" "$STACK_DIR/logs"
if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "demo: the Studio server is already running"
else
  : >"$log"
  setsid nohup node dist/cli/cli.mjs serve --demo --port "$PORT" --data-dir "$STACK_DIR/demo-data" >>"$log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  for _ in $(seq 1 120); do
    url=$(sed -n 's/.*browser mode: \(http[^ ]*\).*/\1/p' "$log" | tail -n1)
    [ -n "$url" ] && break
    kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "demo: the server exited; see $log"; tail -n 20 "$log"; exit 1; }
    sleep 0.5
  done
  [ -n "${url:-}" ] || { echo "demo: the server did not start; see $log"; exit 1; }
  echo "$url" >"$url_file"
fi
echo
echo "Kafka-Milvus Studio is running. Open this URL in a browser:"
echo "  $(cat "$url_file")"
echo "Sandbox: Kafka 127.0.0.1:${KAFKA_PORT:-9092}, Milvus 127.0.0.1:${MILVUS_PORT:-19530}. Server log: $log"
echo "Stop everything with: npm run demo -- stop"
