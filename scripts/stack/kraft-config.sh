# Configuration of a single-node KRaft Kafka (broker and controller in one process), shared by the
# sandbox (scripts/stack.sh) and the secure test broker (scripts/stack/secure.sh). Sourced; needs
# HOST and ROOT.

# write_kraft_config DATA_DIR LISTENER PORT CONTROLLER_PORT LOG_FILE
# LISTENER is the client listener's name and protocol (PLAINTEXT, SASL_SSL); properties that
# listener needs (SASL, TLS) come on stdin.
write_kraft_config() {
  local data=$1 listener=$2 port=$3 cport=$4 log=$5
  mkdir -p "$data"
  {
    cat <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$cport
listeners=$listener://$HOST:$port,CONTROLLER://$HOST:$cport
advertised.listeners=$listener://$HOST:$port,CONTROLLER://$HOST:$cport
controller.listener.names=CONTROLLER
inter.broker.listener.name=$listener
listener.security.protocol.map=CONTROLLER:PLAINTEXT,$listener:$listener
log.dirs=$data/logs
CONF
    cat
    cat "$ROOT/scripts/stack/kafka-single-node.properties"
  } >"$data/server.properties"
  cat >"$data/log4j2.properties" <<CONF
rootLogger.level=WARN
rootLogger.appenderRef.file.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=$log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
logger.kafka.name=kafka
logger.kafka.level=INFO
logger.server.name=org.apache.kafka.server
logger.server.level=INFO
CONF
}
