#!/usr/bin/env bash
# The local sandbox: a single-node Apache Kafka (KRaft) and a Milvus Lite server on loopback.
# It is both the test stack and the app's embedded default for users without their own services.
#
#   scripts/stack.sh install                 fetch Kafka jars (Maven Central) and Milvus Lite (PyPI)
#   scripts/stack.sh up [kafka|milvus]       install if needed, start, wait until each really answers
#   scripts/stack.sh down [kafka|milvus]     stop (data kept)
#   scripts/stack.sh restart [kafka|milvus]
#   scripts/stack.sh status                  one line per service; exit 0 only when all are up
#   scripts/stack.sh logs [kafka|milvus]     tail the service log
#   scripts/stack.sh env                     print the endpoints as KEY=value lines
#   scripts/stack.sh reset                   stop and delete all sandbox data
#
# Environment: STUDIO_STACK_DIR (default <repo>/.stack), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT
# (9093), MILVUS_PORT (19530), KAFKA_HEAP (512m).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR=${STUDIO_STACK_DIR:-$ROOT/.stack}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
MILVUS_PORT=${MILVUS_PORT:-19530}
KAFKA_HEAP=${KAFKA_HEAP:-512m}
HOST=127.0.0.1

KAFKA_HOME=$STACK_DIR/kafka
# Jars live in a folder named after the pom's checksum: a changed dependency list installs beside
# the old jars instead of deleting them under a broker that is still running.
KAFKA_LIBS=$KAFKA_HOME/libs-$(sha256sum "$ROOT/scripts/stack/kafka-pom.xml" | cut -c1-12)
KAFKA_DATA=$STACK_DIR/data/kafka-$KAFKA_PORT
# Like the jars, the virtualenv is named after its requirements' checksum and never replaced in place.
MILVUS_VENV=$STACK_DIR/milvus-venv-$(sha256sum "$ROOT/scripts/stack/milvus-requirements.txt" | cut -c1-12)
MILVUS_DATA=$STACK_DIR/data/milvus-$MILVUS_PORT
RUN_DIR=$STACK_DIR/run
LOG_DIR=$STACK_DIR/logs
PROBE=$ROOT/scripts/stack/probe.py

# shellcheck source=stack/proc.sh
. "$ROOT/scripts/stack/proc.sh"
# shellcheck source=stack/kraft-config.sh
. "$ROOT/scripts/stack/kraft-config.sh"
pid_file() { echo "$RUN_DIR/$1-$(port_of "$1").pid"; }
port_of() { case $1 in kafka) echo "$KAFKA_PORT" ;; milvus) echo "$MILVUS_PORT" ;; esac; }

need_java() {
  command -v java >/dev/null || die "Java 17+ is required for Kafka and was not found on PATH (Debian: apt-get install openjdk-17-jre-headless)"
  local v; v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  [ "${v:-0}" -ge 17 ] || die "Java 17+ is required for Kafka 4.x; found Java ${v:-unknown}"
}
need_python() {
  command -v python3 >/dev/null || die "Python 3.10+ is required for Milvus Lite and was not found on PATH"
}

install_kafka() {
  [ -f "$KAFKA_LIBS/.complete" ] && return 0
  need_java
  command -v mvn >/dev/null || die "Maven is required once to fetch the Kafka jars (Debian: apt-get install maven)"
  say "fetching Apache Kafka jars from Maven Central (once)"
  mkdir -p "$KAFKA_LIBS"
  mvn -B -q -f "$ROOT/scripts/stack/kafka-pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime >"$STACK_DIR/install-kafka.log" 2>&1 \
    || die "could not fetch the Kafka jars; see $STACK_DIR/install-kafka.log"
  touch "$KAFKA_LIBS/.complete"
}

install_milvus() {
  [ -f "$MILVUS_VENV/.complete" ] && return 0
  need_python
  say "installing Milvus Lite into its own virtualenv (once)"
  rm -rf "$MILVUS_VENV" # a half-made venv of this same checksum, never one in use
  python3 -m venv "$MILVUS_VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$MILVUS_VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/scripts/stack/milvus-requirements.txt" \
    >"$STACK_DIR/install-milvus.log" 2>&1 || die "could not install Milvus Lite; see $STACK_DIR/install-milvus.log"
  touch "$MILVUS_VENV/.complete"
}

write_kafka_config() { write_kraft_config "$KAFKA_DATA" PLAINTEXT "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$LOG_DIR/kafka-$KAFKA_PORT.log" </dev/null; }

start_kafka() {
  running kafka && { say "kafka already running on $HOST:$KAFKA_PORT"; return 0; }
  port_busy "$KAFKA_PORT" && die "port $KAFKA_PORT is busy (another process listens there); set KAFKA_PORT to use another"
  port_busy "$KAFKA_CONTROLLER_PORT" && die "port $KAFKA_CONTROLLER_PORT is busy; set KAFKA_CONTROLLER_PORT to use another"
  need_java
  with_install_lock install_kafka
  write_kafka_config
  local cp="$KAFKA_LIBS/*"
  if [ ! -f "$KAFKA_DATA/logs/meta.properties" ]; then
    local id; id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    java -cp "$cp" -Dlog4j2.configurationFile="$KAFKA_DATA/log4j2.properties" kafka.tools.StorageTool format \
      --standalone -t "$id" -c "$KAFKA_DATA/server.properties" >>"$LOG_DIR/kafka-$KAFKA_PORT.log" 2>&1 \
      || die "formatting Kafka storage failed; see $LOG_DIR/kafka-$KAFKA_PORT.log"
  fi
  say "starting kafka on $HOST:$KAFKA_PORT"
  setsid nohup java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DATA/log4j2.properties" -cp "$cp" kafka.Kafka "$KAFKA_DATA/server.properties" \
    >>"$LOG_DIR/kafka-$KAFKA_PORT.out" 2>&1 </dev/null &
  echo $! >"$(pid_file kafka)"
}

start_milvus() {
  running milvus && { say "milvus already running on $HOST:$MILVUS_PORT"; return 0; }
  port_busy "$MILVUS_PORT" && die "port $MILVUS_PORT is busy (another process listens there); set MILVUS_PORT to use another"
  with_install_lock install_milvus
  mkdir -p "$MILVUS_DATA"
  say "starting milvus on $HOST:$MILVUS_PORT"
  # Job control on: the job gets its own process group, so a Ctrl-C in the terminal that ran
  # `up` does not reach the server.
  set -m
  nohup "$MILVUS_VENV/bin/milvus-lite" server --data-dir "$MILVUS_DATA" --host "$HOST" --port "$MILVUS_PORT" \
    >>"$LOG_DIR/milvus-$MILVUS_PORT.log" 2>&1 </dev/null &
  echo $! >"$(pid_file milvus)"
  set +m
}

probe() {
  case $1 in
    kafka) python3 "$PROBE" kafka "$HOST" "$KAFKA_PORT" ;;
    milvus)
      [ -x "$MILVUS_VENV/bin/python" ] || with_install_lock install_milvus >&2
      "$MILVUS_VENV/bin/python" "$PROBE" milvus "http://$HOST:$MILVUS_PORT" ;;
  esac
}

wait_ready() {
  local svc=$1 deadline=$((SECONDS + ${STACK_TIMEOUT:-120})) why=""
  while [ $SECONDS -lt $deadline ]; do
    running "$svc" || die "$svc exited during start-up; last log lines: $(log_tail "$svc" 3 | tr '\n' ' ')"
    if why=$(probe "$svc" 2>&1); then say "$svc ready on $HOST:$(port_of "$svc")"; return 0; fi
    sleep 1
  done
  die "$svc did not answer within ${STACK_TIMEOUT:-120}s (${why:-no reply}); see: scripts/stack.sh logs $svc"
}

stop_svc() { stop_pid "$1" "$1"; }

log_tail() {
  local file
  case $1 in kafka) file=$LOG_DIR/kafka-$KAFKA_PORT.log ;; milvus) file=$LOG_DIR/milvus-$MILVUS_PORT.log ;; esac
  [ -f "$file" ] && tail -n "$2" "$file" || true
}

services() { if [ $# -gt 0 ]; then echo "$@"; else echo kafka milvus; fi; }

mkdir -p "$RUN_DIR" "$LOG_DIR"
cmd=${1:-status}; shift || true
# Concurrent runs (tests, the app's sandbox button, a terminal) must not install at the same time.
exec 9>"$STACK_DIR/.install.lock"
with_install_lock() { flock 9; "$@"; flock -u 9; }
case $cmd in
  install) with_install_lock install_kafka; with_install_lock install_milvus; say "installed under $STACK_DIR" ;;
  up)
    for s in $(services "$@"); do "start_$s"; done
    for s in $(services "$@"); do wait_ready "$s"; done ;;
  down) for s in $(services "$@"); do stop_svc "$s"; done ;;
  restart)
    for s in $(services "$@"); do stop_svc "$s"; "start_$s"; done
    for s in $(services "$@"); do wait_ready "$s"; done ;;
  status)
    rc=0
    for s in kafka milvus; do
      if running "$s" && probe "$s" 2>/dev/null; then echo "$s: up on $HOST:$(port_of "$s")"
      elif running "$s"; then echo "$s: starting (process $(cat "$(pid_file "$s")"), not answering yet)"; rc=1
      else echo "$s: down"; rc=1; fi
    done
    exit $rc ;;
  logs) for s in $(services "$@"); do echo "== $s"; log_tail "$s" "${LINES:-60}"; done ;;
  kafka-libs) with_install_lock install_kafka >&2; echo "$KAFKA_LIBS" ;;
  milvus-python) with_install_lock install_milvus >&2; echo "$MILVUS_VENV/bin/python" ;;
  env) echo "KAFKA_BROKERS=$HOST:$KAFKA_PORT"; echo "MILVUS_ADDRESS=$HOST:$MILVUS_PORT" ;;
  reset) for s in kafka milvus; do stop_svc "$s"; done; rm -rf "$STACK_DIR/data"; say "sandbox data deleted" ;;
  *) die "unknown command '$cmd' (install | up | down | restart | status | logs | env | reset)" ;;
esac
