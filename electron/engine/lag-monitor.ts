// Refreshes per-partition lag (high watermark − committed) through the admin API every few seconds.
// Failures keep the last known values: lag is informative and must never disturb the pipeline.
import type { PartitionLag } from '../../shared/pipeline-status';

export class LagMonitor {
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  latest: PartitionLag[] = [];

  constructor(
    private readonly fetch: () => Promise<PartitionLag[]>,
    private readonly intervalMs = 2_000,
  ) {}

  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.intervalMs);
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.latest = await this.fetch();
    } catch {
      // keep the last known lag
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
