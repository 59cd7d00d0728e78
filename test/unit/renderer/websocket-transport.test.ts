import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, ServerMessage } from '../../../shared/bridge-protocol';
import { backoffDelay, CONNECTION_LOST, createWebSocketTransport, type WebSocketLike } from '../../../renderer/src/transport/websocket-transport';

class FakeSocket implements WebSocketLike {
  sent: ClientMessage[] = [];
  closed = false;
  onopen: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  receive(msg: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop() {
    this.onclose?.();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const states: string[] = [];
  const t = createWebSocketTransport('ws://h/bridge?token=x', {
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
  });
  t.onConnection((s) => states.push(s));
  const last = () => sockets[sockets.length - 1]!;
  return { t, sockets, states, last };
}

describe('websocket transport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('queues invokes while connecting and sends them once open', async () => {
    const { t, last, states } = setup();
    const p = t.invoke('settings.get');
    expect(last().sent).toEqual([]);
    last().open();
    expect(states).toEqual(['connecting', 'open']);
    expect(last().sent).toEqual([{ t: 'invoke', id: 1, cmd: 'settings.get', args: [] }]);
    last().receive({ t: 'hello', version: '1' });
    last().receive({ t: 'result', id: 1, result: { ok: true, value: { theme: 'dark', locale: 'es' } } });
    await expect(p).resolves.toEqual({ ok: true, value: { theme: 'dark', locale: 'es' } });
  });

  it('delivers events to listeners of that event only', () => {
    const { t, last } = setup();
    const got: unknown[] = [];
    const off = t.on('sandbox.progress', (p) => got.push(p.kafka));
    t.on('log.entry', () => got.push('wrong'));
    last().open();
    last().receive({ t: 'event', event: 'sandbox.progress', payload: { kafka: 'starting' } });
    off();
    last().receive({ t: 'event', event: 'sandbox.progress', payload: { kafka: 'up' } });
    expect(got).toEqual(['starting']);
  });

  it('fails sent invokes when the socket drops, then reconnects with backoff', async () => {
    const { t, sockets, last, states } = setup();
    last().open();
    const sent = t.invoke('kafka.test', { kafka: { brokers: ['a:1'], securityProtocol: 'PLAINTEXT' } });
    last().drop();
    await expect(sent).resolves.toEqual({ ok: false, error: CONNECTION_LOST });
    expect(states.at(-1)).toBe('closed');

    // Made while closed: queued, sent after the reconnect.
    const queued = t.invoke('app.info');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(last().sent.map((m) => m.cmd)).toEqual(['app.info']);
    last().receive({ t: 'result', id: last().sent[0]!.id, result: { ok: false, error: { code: 'internal', message: 'x' } } });
    await expect(queued).resolves.toMatchObject({ ok: false });
    expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'closed', 'connecting', 'open']);
  });

  it('caps the backoff at 10 s and resets it after a successful open', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 30].map((a) => backoffDelay(a, 500, 10_000))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    const { sockets, last } = setup();
    last().drop();
    vi.advanceTimersByTime(500);
    last().open();
    last().drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(3);
  });

  it('ignores malformed frames and stops on dispose', async () => {
    const { t, sockets, last } = setup();
    last().open();
    last().onmessage?.({ data: 'not json' });
    const p = t.invoke('app.info');
    t.dispose();
    await expect(p).resolves.toEqual({ ok: false, error: CONNECTION_LOST });
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
