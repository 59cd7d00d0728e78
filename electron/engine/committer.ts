// Commits what the offset tracker allows, one commit at a time: calls made while a commit is in
// progress coalesce into one more round, so commits never pile up behind a slow broker.
import type { RecordSource } from '../clients/types';
import type { OffsetTracker } from './offset-tracker';

export class Committer {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly tracker: OffsetTracker,
    private readonly source: () => RecordSource | undefined,
    private readonly owns: (topic: string, partition: number) => boolean,
    private readonly onError: (e: unknown) => void,
  ) {}

  commit(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      const source = this.source();
      const points = this.tracker.committable(this.owns);
      if (!points.length || !source) continue;
      try {
        await source.commit(points);
        this.tracker.markCommitted(points);
      } catch (e) {
        // The next batch commits again, at a later offset; a lost commit only means redelivery.
        this.onError(e);
      }
    } while (this.again);
  }
}
