// The pipeline's state with its cause. "retrying" is derived: the pipeline is running while one or
// more sources (milvus, kafka, dlq) are in a retry loop; it returns to "running" when all recover.
import { logText, type LogText } from '../../shared/log-text';
import type { LogEntry, PipelineState } from '../../shared/pipeline-status';

type BaseState = Exclude<PipelineState, 'retrying'>;

export class PipelineStateMachine {
  private base: BaseState = 'idle';
  private baseCause: string | undefined;
  private baseCauseText: LogText | undefined;
  private readonly retrying = new Map<string, string>();
  private lastState: PipelineState = 'idle';
  private lastCause: string | undefined;
  since = Date.now();

  constructor(
    private readonly pipelineId: string,
    private readonly onChange: () => void,
    private readonly log: (e: Omit<LogEntry, 'at' | 'pipelineId'>) => void,
  ) {}

  get state(): PipelineState {
    if (this.base === 'running' && this.retrying.size) return 'retrying';
    return this.base;
  }

  get cause(): string | undefined {
    if (this.base === 'running' || this.base === 'paused' || this.base === 'starting') {
      const first = this.retrying.values().next();
      return first.done ? undefined : first.value;
    }
    return this.baseCause;
  }

  /** The cause as a message code, when it is a failure in our own words (retry causes are the server's). */
  get causeText(): LogText | undefined {
    return this.base === 'running' || this.base === 'paused' || this.base === 'starting' ? undefined : this.baseCauseText;
  }

  get terminal(): boolean {
    return this.base === 'stopped' || this.base === 'failed';
  }

  get baseState(): BaseState {
    return this.base;
  }

  set(state: BaseState, cause?: string, causeText?: LogText): void {
    // A failure is final: a later "stopped" keeps the failure and its cause.
    if (this.base === 'failed' && state !== 'failed') return;
    this.base = state;
    this.baseCause = cause;
    this.baseCauseText = causeText;
    if (state !== 'running' && state !== 'paused' && state !== 'starting') this.retrying.clear();
    this.emit();
  }

  retry(source: string, cause: string): void {
    this.retrying.set(source, cause);
    this.emit();
  }

  recovered(source: string): void {
    if (this.retrying.delete(source)) this.emit();
  }

  private emit(): void {
    const state = this.state;
    const cause = this.cause;
    if (state === this.lastState && cause === this.lastCause) return;
    const previous = this.lastState;
    this.lastState = state;
    this.lastCause = cause;
    if (state === previous) {
      // Only the cause changed (another retry reason): report it, but no new state log entry.
      this.onChange();
      return;
    }
    this.since = Date.now();
    this.log({
      level: state === 'failed' ? 'error' : state === 'retrying' ? 'warn' : 'info',
      kind: 'state',
      ...logText(cause ? { code: 'state.changedCause', params: { from: previous, to: state, cause, ...(this.causeText ? { causeText: this.causeText } : {}) } } : { code: 'state.changed', params: { from: previous, to: state } }),
      detail: { pipeline: this.pipelineId, from: previous, to: state },
    });
    this.onChange();
  }
}
