// Pins the stack script's wording (scripts/stack.sh `say`/`die` lines) to the progress states.
import { describe, expect, it } from 'vitest';
import { applyStackLine, finishStack, parseStackStatus, type SandboxStates } from '../../../electron/services/sandbox-progress';
import { sandboxConnections } from '../../../electron/services/sandbox-service';

const ports = { kafka: [9092, 9093], milvus: [19530] };
const run = (lines: [string, boolean?][], start: SandboxStates = { kafka: 'starting', milvus: 'starting' }): SandboxStates =>
  lines.reduce((s, [line, err]) => applyStackLine(s, line, err === true, ports), start);

describe('sandbox progress from stack.sh lines', () => {
  it('follows a first run: install, start, ready', () => {
    const steps: [string, Partial<SandboxStates>][] = [
      ['stack: fetching Apache Kafka jars from Maven Central (once)', { kafka: 'installing' }],
      ['stack: starting kafka on 127.0.0.1:9092', { kafka: 'starting' }],
      ['stack: installing Milvus Lite into its own virtualenv (once)', { milvus: 'installing' }],
      ['stack: starting milvus on 127.0.0.1:19530', { milvus: 'starting' }],
      ['stack: kafka ready on 127.0.0.1:9092', { kafka: 'up', milvus: 'starting' }],
      ['stack: milvus ready on 127.0.0.1:19530', { kafka: 'up', milvus: 'up' }],
    ];
    let s: SandboxStates = { kafka: 'starting', milvus: 'starting' };
    for (const [line, want] of steps) {
      s = applyStackLine(s, line, false, ports);
      expect(s).toMatchObject(want);
      expect(s.message).toBe(line.slice('stack: '.length));
    }
  });

  it('treats "already running" as starting until the probe says ready', () => {
    expect(run([['stack: kafka already running on 127.0.0.1:9092']])).toMatchObject({ kafka: 'starting' });
  });

  it('blames the right service for failures, including a busy port named by number', () => {
    expect(run([['stack: port 9093 is busy; set KAFKA_CONTROLLER_PORT to use another', true]])).toMatchObject({ kafka: 'error', milvus: 'starting' });
    expect(run([['stack: port 19530 is busy (another process listens there); set MILVUS_PORT to use another', true]])).toMatchObject({ milvus: 'error' });
    expect(run([['stack: Java 17+ is required for Kafka and was not found on PATH', true]])).toMatchObject({ kafka: 'error' });
    expect(run([['stack: could not install Milvus Lite; see /x/install-milvus.log', true]])).toMatchObject({ milvus: 'error', kafka: 'starting' });
    expect(run([['stack: milvus did not answer within 120s (no reply); see: scripts/stack.sh logs milvus', true]])).toMatchObject({ milvus: 'error' });
  });

  it('ignores lines that are not the script\'s own', () => {
    const s: SandboxStates = { kafka: 'starting', milvus: 'starting' };
    expect(applyStackLine(s, 'WARNING: pip is old', true, ports)).toBe(s);
  });

  it('settles the final state from the exit code', () => {
    expect(finishStack({ kafka: 'starting', milvus: 'up' }, 0)).toMatchObject({ kafka: 'up', milvus: 'up' });
    expect(finishStack({ kafka: 'error', milvus: 'starting', message: 'x' }, 1)).toMatchObject({ kafka: 'error', milvus: 'down', message: 'x' });
    expect(finishStack({ kafka: 'error', milvus: 'starting' }, 1, { kafka: 'down', milvus: 'up' })).toMatchObject({ kafka: 'error', milvus: 'up' });
    expect(finishStack({ kafka: 'up', milvus: 'starting' }, 1)).toMatchObject({ kafka: 'up', milvus: 'error' });
    expect(finishStack({ kafka: 'starting', milvus: 'starting' }, null).message).toMatch(/exit code null/);
  });

  it('reads `stack.sh status`', () => {
    expect(parseStackStatus('kafka: up on 127.0.0.1:9092\nmilvus: starting (process 12, not answering yet)\n')).toEqual({ kafka: 'up', milvus: 'starting' });
    expect(parseStackStatus('kafka: down\nmilvus: down\n')).toEqual({ kafka: 'down', milvus: 'down' });
    expect(parseStackStatus('')).toEqual({ kafka: 'down', milvus: 'down' });
  });

  it('builds the sandbox connections from KAFKA_PORT / MILVUS_PORT', () => {
    expect(sandboxConnections({})).toMatchObject({ kafka: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' }, milvus: { address: '127.0.0.1:19530' } });
    const moved = sandboxConnections({ KAFKA_PORT: '9292', MILVUS_PORT: '19630', KAFKA_CONTROLLER_PORT: '9293' });
    expect(moved.kafka.brokers).toEqual(['127.0.0.1:9292']);
    expect(moved.milvus.address).toBe('127.0.0.1:19630');
    expect(moved.ports).toEqual({ kafka: [9292, 9293], milvus: [19630] });
    expect(sandboxConnections({ KAFKA_PORT: 'abc' }).kafka.brokers).toEqual(['127.0.0.1:9092']);
  });
});
