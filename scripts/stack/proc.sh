# Process helpers shared by scripts/stack.sh and scripts/stack/secure.sh (sourced, not run). The
# sourcing script defines HOST and pid_file SERVICE (where that service's pid is kept).

die() { echo "stack: $*" >&2; exit 1; }
say() { echo "stack: $*"; }

running() { local f; f=$(pid_file "$1"); [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }
port_busy() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# stop_pid SERVICE LABEL: SIGTERM, up to 20 s to exit, then SIGKILL; the pid file goes either way.
# SIGTERM for every service: Milvus Lite's graceful SIGINT path was seen acknowledging writes during
# shutdown that were gone after the restart (fault drill milvus-restart-x5); SIGTERM ends it at
# once, so an in-flight write fails and the engine retries it.
stop_pid() {
  local f; f=$(pid_file "$1")
  if ! running "$1"; then rm -f "$f"; return 0; fi
  local pid; pid=$(cat "$f")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
  say "$2 stopped"
}
