// A TCP proxy that delays every chunk, in both directions, by a fixed time while keeping order:
// put between the engine and Milvus it makes every gRPC call slow (a struggling server) without
// failing any. Each direction is a FIFO of (due time, chunk); the source is paused while a
// direction holds more than `highWaterBytes`, so the proxy itself stays bounded.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface SlowProxyOptions {
  targetHost: string;
  targetPort: number;
  delayMs: number;
  highWaterBytes?: number;
}

class DelayedPipe {
  private readonly queue: { due: number; chunk: Buffer }[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly delayMs: number,
    private readonly highWater: number,
  ) {
    from.on('data', (chunk: Buffer) => {
      this.queue.push({ due: Date.now() + delayMs, chunk });
      this.queued += chunk.length;
      if (this.queued > this.highWater) from.pause();
      this.schedule();
    });
    from.on('end', () => {
      this.ended = true;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer) return;
    const head = this.queue[0];
    if (!head) {
      if (this.ended && !this.to.destroyed) this.to.end();
      return;
    }
    this.timer = setTimeout(() => this.flush(), Math.max(0, head.due - Date.now()));
  }

  private flush(): void {
    this.timer = undefined;
    const now = Date.now();
    while (this.queue.length && (this.queue[0] as { due: number }).due <= now) {
      const { chunk } = this.queue.shift() as { chunk: Buffer };
      this.queued -= chunk.length;
      if (!this.to.destroyed) this.to.write(chunk);
    }
    if (this.queued <= this.highWater && this.from.isPaused()) this.from.resume();
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.queue.length = 0;
  }
}

export class SlowProxy {
  private readonly sockets = new Set<Socket>();
  private readonly pipes = new Set<DelayedPipe>();
  /** Client connections accepted so far. */
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly opts: SlowProxyOptions,
  ) {}

  static async start(opts: SlowProxyOptions): Promise<SlowProxy> {
    const server = createServer();
    const proxy = new SlowProxy(server, opts);
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  private accept(client: Socket): void {
    this.connections++;
    const upstream = connect(this.opts.targetPort, this.opts.targetHost);
    const high = this.opts.highWaterBytes ?? 16 * 1024 * 1024;
    const pipes = [new DelayedPipe(client, upstream, this.opts.delayMs, high), new DelayedPipe(upstream, client, this.opts.delayMs, high)];
    for (const p of pipes) this.pipes.add(p);
    const close = (): void => {
      for (const p of pipes) {
        p.dispose();
        this.pipes.delete(p);
      }
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('error', close);
      s.on('close', close);
    }
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    for (const p of this.pipes) p.dispose();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
