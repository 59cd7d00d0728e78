// What the headless runner prints: one status line per second and one line per log entry. Plain
// numbers (no locale grouping) so the output greps and parses the same everywhere.
import type { LogEntry, MetricsSnapshot, PipelineStatus } from '../../shared/pipeline-status';

export function clock(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

/** `[12:00:01] running  rows/s 1234  consumed 10000  written 9990  dlq 10  lag 0`. */
export function statusLine(at: Date, status: PipelineStatus, snap: MetricsSnapshot): string {
  const c = status.counters;
  const parts = [
    `[${clock(at)}] ${status.state}`,
    `rows/s ${Math.round(snap.writtenPerSec)}`,
    `consumed ${c.consumed}`,
    `written ${c.written}`,
    `dlq ${c.deadLettered}`,
    `lag ${snap.totalLag}`,
  ];
  if (c.skipped) parts.push(`skipped ${c.skipped}`);
  const line = parts.join('  ');
  return status.cause && (status.state === 'retrying' || status.state === 'failed') ? `${line}  (${status.cause})` : line;
}

/** `[12:00:01] warn  retry  Milvus unavailable; retry 2 in 1000 ms  source=milvus attempt=2`. */
export function logLine(e: LogEntry): string {
  const detail = Object.entries(e.detail ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  // Messages are one line by contract; a stray newline must not forge extra output lines.
  const message = e.message.replace(/[\r\n]+/g, ' ');
  return `[${clock(new Date(e.at))}] ${e.level.padEnd(5)} ${e.kind.padEnd(11)} ${message}${detail ? `  ${detail}` : ''}`;
}
