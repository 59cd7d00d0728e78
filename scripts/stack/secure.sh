#!/usr/bin/env bash
# Secure sandbox endpoints, so the wizard's TLS and authentication paths are tested for real:
#   - a second single-node Kafka (KRaft) with only a SASL_SSL listener: SCRAM-SHA-512, user "studio",
#     password "studio-secret", server certificate signed by a local test CA;
#   - nginx terminating TLS in front of the sandbox Milvus, requiring the token "studio-token"
#     (gRPC UNAUTHENTICATED otherwise) and forwarding with grpc_pass.
# The CA certificate is written to <stack dir>/secure/ca.pem for tests and the UI.
#
#   scripts/stack/secure.sh up | down | status | env | logs
#
# Reuses the Kafka jars and Java of scripts/stack.sh (installing them if needed) and starts the plain
# sandbox Milvus as nginx's upstream. Environment: STUDIO_STACK_DIR (default <repo>/.stack),
# SECURE_KAFKA_PORT (9192), SECURE_KAFKA_CONTROLLER_PORT (9193), SECURE_MILVUS_PORT (19543),
# MILVUS_PORT (19530, the upstream).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STACK_DIR=${STUDIO_STACK_DIR:-$ROOT/.stack}
SECURE_KAFKA_PORT=${SECURE_KAFKA_PORT:-9192}
SECURE_KAFKA_CONTROLLER_PORT=${SECURE_KAFKA_CONTROLLER_PORT:-9193}
SECURE_MILVUS_PORT=${SECURE_MILVUS_PORT:-19543}
MILVUS_PORT=${MILVUS_PORT:-19530}
HOST=127.0.0.1

KAFKA_USER=studio
KAFKA_PASSWORD=studio-secret
MILVUS_TOKEN=studio-token
KEYSTORE_PASSWORD=studio-keystore

DIR=$STACK_DIR/secure
CERTS=$DIR
KAFKA_LIBS=""  # set by ensure_prereqs: the sandbox script owns where the jars live
KAFKA_DATA=$DIR/kafka-$SECURE_KAFKA_PORT
NGINX_DIR=$DIR/nginx-$SECURE_MILVUS_PORT
RUN_DIR=$DIR/run
LOG_DIR=$STACK_DIR/logs

# shellcheck source=proc.sh
. "$HERE/proc.sh"
# shellcheck source=kraft-config.sh
. "$HERE/kraft-config.sh"
pid_file() { case $1 in kafka) echo "$RUN_DIR/kafka-$SECURE_KAFKA_PORT.pid" ;; nginx) echo "$RUN_DIR/nginx-$SECURE_MILVUS_PORT.pid" ;; esac; }
nginx_bin() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }

apt_install() {
  [ "$(id -u)" -eq 0 ] || return 1
  say "installing $1 from Debian packages (once)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >"$STACK_DIR/install-$1.log" 2>&1 \
    || { apt-get update -q >>"$STACK_DIR/install-$1.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >>"$STACK_DIR/install-$1.log" 2>&1; }
}

ensure_prereqs() {
  KAFKA_LIBS=$(bash "$ROOT/scripts/stack.sh" kafka-libs) || die "could not install the Kafka jars"
  [ -n "$(nginx_bin)" ] || apt_install nginx || die "nginx is required for the secure Milvus endpoint and could not be installed (Debian: apt-get install nginx)"
  bash "$HERE/secure/certs.sh" "$CERTS" "$KEYSTORE_PASSWORD" || die "could not create the test certificates"
}

write_kafka_config() {
  write_kraft_config "$KAFKA_DATA" SASL_SSL "$SECURE_KAFKA_PORT" "$SECURE_KAFKA_CONTROLLER_PORT" "$LOG_DIR/secure-kafka-$SECURE_KAFKA_PORT.log" <<EOF
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$KAFKA_USER" password="$KAFKA_PASSWORD";
ssl.keystore.type=PKCS12
ssl.keystore.location=$CERTS/server.p12
ssl.keystore.password=$KEYSTORE_PASSWORD
ssl.key.password=$KEYSTORE_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$CERTS/ca.pem
ssl.client.auth=none
EOF
}

start_kafka() {
  running kafka && { say "secure kafka already running on $HOST:$SECURE_KAFKA_PORT"; return 0; }
  port_busy "$SECURE_KAFKA_PORT" && die "port $SECURE_KAFKA_PORT is busy; set SECURE_KAFKA_PORT to use another"
  port_busy "$SECURE_KAFKA_CONTROLLER_PORT" && die "port $SECURE_KAFKA_CONTROLLER_PORT is busy; set SECURE_KAFKA_CONTROLLER_PORT"
  write_kafka_config
  local cp="$KAFKA_LIBS/*" log=$LOG_DIR/secure-kafka-$SECURE_KAFKA_PORT.log
  if [ ! -f "$KAFKA_DATA/logs/meta.properties" ]; then
    local id; id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)
    # SCRAM credentials live in the metadata log; adding them at format time needs no running broker.
    java -cp "$cp" -Dlog4j2.configurationFile="$KAFKA_DATA/log4j2.properties" kafka.tools.StorageTool format \
      --standalone -t "$id" -c "$KAFKA_DATA/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=$KAFKA_USER,password=$KAFKA_PASSWORD]" >>"$log" 2>&1 \
      || die "formatting the secure Kafka storage failed; see $log"
  fi
  say "starting secure kafka (SASL_SSL, SCRAM-SHA-512) on $HOST:$SECURE_KAFKA_PORT"
  setsid nohup java -Xms128m -Xmx384m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_DATA/log4j2.properties" -cp "$cp" kafka.Kafka "$KAFKA_DATA/server.properties" \
    >>"$LOG_DIR/secure-kafka-$SECURE_KAFKA_PORT.out" 2>&1 </dev/null &
  echo $! >"$(pid_file kafka)"
}

start_nginx() {
  running nginx && { say "secure milvus proxy already running on $HOST:$SECURE_MILVUS_PORT"; return 0; }
  port_busy "$SECURE_MILVUS_PORT" && die "port $SECURE_MILVUS_PORT is busy; set SECURE_MILVUS_PORT to use another"
  mkdir -p "$NGINX_DIR"/{run,logs,tmp}
  local user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
  sed -e "s|@DIR@|$NGINX_DIR|g" -e "s|@CERTS@|$CERTS|g" -e "s|@HOST@|$HOST|g" -e "s|@PORT@|$SECURE_MILVUS_PORT|g" \
    -e "s|@UPSTREAM@|$HOST:$MILVUS_PORT|g" -e "s|@TOKEN@|$MILVUS_TOKEN|g" \
    -e "s|@TOKEN_B64@|$(printf %s "$MILVUS_TOKEN" | base64)|g" -e "s|@USER@|$user|" \
    "$HERE/secure/nginx.conf.template" >"$NGINX_DIR/nginx.conf"
  local bin; bin=$(nginx_bin)
  "$bin" -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/logs/nginx-error.log" >"$NGINX_DIR/logs/config-test.log" 2>&1 \
    || die "nginx rejected its configuration: $(tr '\n' ' ' <"$NGINX_DIR/logs/config-test.log")"
  say "starting secure milvus proxy (nginx, TLS + token) on $HOST:$SECURE_MILVUS_PORT"
  # Not the system service: our own config, pid and logs, in the foreground of its own session.
  setsid nohup "$bin" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/logs/nginx-error.log" \
    >>"$NGINX_DIR/logs/nginx.out" 2>&1 </dev/null &
  echo $! >"$(pid_file nginx)"
}

probe_kafka() {
  python3 "$HERE/secure/probe-kafka.py" "$HOST" "$SECURE_KAFKA_PORT" "$KAFKA_USER" "$KAFKA_PASSWORD" "$CERTS/ca.pem"
}
probe_nginx() {
  "$(bash "$ROOT/scripts/stack.sh" milvus-python)" - "$HOST" "$SECURE_MILVUS_PORT" "$MILVUS_TOKEN" "$CERTS/ca.pem" <<'EOF'
import sys
from pymilvus import MilvusClient
host, port, token, ca = sys.argv[1:5]
MilvusClient(uri=f"https://{host}:{port}", token=token, server_pem_path=ca, timeout=5).list_collections()
EOF
}

wait_ready() {
  local svc=$1 deadline=$((SECONDS + ${STACK_TIMEOUT:-120})) why=""
  while [ $SECONDS -lt $deadline ]; do
    running "$svc" || die "secure $svc exited during start-up; see scripts/stack/secure.sh logs"
    if why=$("probe_$svc" 2>&1); then say "secure $svc ready"; return 0; fi
    sleep 1
  done
  die "secure $svc did not answer within ${STACK_TIMEOUT:-120}s ($(echo "${why:-no reply}" | tail -n1)); see scripts/stack/secure.sh logs"
}

stop_svc() { stop_pid "$1" "secure $1"; }

mkdir -p "$RUN_DIR" "$LOG_DIR"
cmd=${1:-status}
case $cmd in
  up)
    ensure_prereqs
    bash "$ROOT/scripts/stack.sh" up milvus
    start_kafka; start_nginx
    wait_ready kafka; wait_ready nginx ;;
  down) stop_svc nginx; stop_svc kafka ;;
  status)
    rc=0
    for s in kafka nginx; do
      if running "$s" && "probe_$s" >/dev/null 2>&1; then echo "secure $s: up"
      elif running "$s"; then echo "secure $s: starting (process $(cat "$(pid_file "$s")"), not answering yet)"; rc=1
      else echo "secure $s: down"; rc=1; fi
    done
    exit $rc ;;
  env)
    echo "SECURE_KAFKA_BROKERS=$HOST:$SECURE_KAFKA_PORT"
    echo "SECURE_KAFKA_USERNAME=$KAFKA_USER"
    echo "SECURE_KAFKA_PASSWORD=$KAFKA_PASSWORD"
    echo "SECURE_MILVUS_ADDRESS=https://$HOST:$SECURE_MILVUS_PORT"
    echo "SECURE_MILVUS_TOKEN=$MILVUS_TOKEN"
    echo "SECURE_CA_PEM=$CERTS/ca.pem" ;;
  logs)
    echo "== secure kafka"; tail -n "${LINES:-60}" "$LOG_DIR/secure-kafka-$SECURE_KAFKA_PORT.log" 2>/dev/null || true
    echo "== nginx"; tail -n "${LINES:-60}" "$NGINX_DIR/logs/nginx-error.log" 2>/dev/null || true ;;
  *) die "unknown command '$cmd' (up | down | status | env | logs)" ;;
esac
