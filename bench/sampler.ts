// What one process costs while it runs: CPU time (process.cpuUsage, this process only: Kafka and
// Milvus Lite run in their own), peak RSS sampled every 100 ms, and main event-loop delay.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ResourceFigures {
  cpuUserS: number;
  cpuSystemS: number;
  peakRssMb: number;
  /** RSS when sampling started, for "flat memory" judgements. */
  startRssMb: number;
  /** Peaks of the V8 heap in use and of memory outside it (Buffers), to tell garbage from data. */
  peakHeapUsedMb: number;
  peakExternalMb: number;
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  rssSamples: number;
}

const MB = 1024 * 1024;
/** The histogram records the time between timer ticks, which includes the resolution itself. */
const LOOP_RESOLUTION_MS = 10;

export class ResourceSampler {
  private cpu0: NodeJS.CpuUsage | undefined;
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;
  private peakRss = 0;
  private peakHeap = 0;
  private peakExternal = 0;
  private startRss = 0;
  private samples = 0;

  start(everyMs = 100): void {
    this.cpu0 = process.cpuUsage();
    this.startRss = process.memoryUsage.rss();
    this.peakRss = this.startRss;
    this.histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    this.histogram.enable();
    this.timer = setInterval(() => this.sampleRss(), everyMs);
  }

  sampleRss(): void {
    const m = process.memoryUsage();
    this.samples++;
    this.peakRss = Math.max(this.peakRss, m.rss);
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
    this.peakExternal = Math.max(this.peakExternal, m.external);
  }

  /** CPU seconds (user + system) since start. */
  cpuSeconds(): number {
    const d = process.cpuUsage(this.cpu0);
    return (d.user + d.system) / 1e6;
  }

  stop(): ResourceFigures {
    this.sampleRss();
    if (this.timer) clearInterval(this.timer);
    const d = process.cpuUsage(this.cpu0);
    const h = this.histogram;
    h?.disable();
    // Delay = tick interval − resolution (an idle loop reports ~0, a 30 ms block ~30).
    const ms = (ns: number | undefined): number => (ns === undefined || !Number.isFinite(ns) ? Number.NaN : Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS));
    return {
      cpuUserS: d.user / 1e6,
      cpuSystemS: d.system / 1e6,
      peakRssMb: this.peakRss / MB,
      startRssMb: this.startRss / MB,
      peakHeapUsedMb: this.peakHeap / MB,
      peakExternalMb: this.peakExternal / MB,
      loopP50Ms: ms(h?.percentile(50)),
      loopP99Ms: ms(h?.percentile(99)),
      loopMaxMs: ms(h?.max),
      rssSamples: this.samples,
    };
  }
}
