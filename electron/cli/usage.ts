// The help text, shown by `help`, `--help` and (on stderr) with every usage error.
export const USAGE = `usage: kafka-milvus-studio <command> [arguments]

Commands:
  connect-standalone <worker.properties> <connector.properties>
      Run a pipeline from Kafka Connect files, the same two files the official
      kafka-connect-milvus sink takes. It resumes from that connector's committed
      offsets (consumer group connect-<name>).
  run <pipeline.json>
      Run a pipeline from a pipeline JSON; settings it leaves out take the defaults.
  export --format properties|json <pipeline.json | worker.properties connector.properties> [--out DIR]
      Convert a pipeline to Kafka Connect files or to JSON. Prints to stdout unless
      --out names a directory (files there are written readable only by you).
  serve [--host 127.0.0.1] [--port 8484] [--data-dir DIR] [--demo]
      Start the headless server with the browser UI. --demo also sets up the seed
      example on the local sandbox (topic_0 → topic_0) and streams demo records.
  generate --topic T [--rate 50] [--count N] [--brokers HOST:PORT] [--dim 8]
      Produce realistic demo records (titles, links, text-derived vectors) so charts move.
  help
      Show this help.

While a pipeline runs, a status line is printed every second. SIGINT (Ctrl-C) or
SIGTERM stops it gracefully, committing what was written; a second signal exits at once.

Exit codes: 0 ok, 1 the pipeline failed, 2 usage error, 3 configuration error,
4 the pipeline could not start (Kafka, Milvus, topic or collection).`;
