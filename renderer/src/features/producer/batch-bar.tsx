// "Send many": N messages at R per second with a new key and vector each, a progress bar fed by
// coalesced events, and cancel.
import { useI18n } from '../../i18n/context';
import { Checkbox } from '../../components/field';
import { useApp, useStores } from '../../stores/context';
import { ProblemPanel } from './problem-panel';

export function BatchBar({ disabled }: { disabled: boolean }) {
  const { t, fmt } = useI18n();
  const { producer } = useStores();
  const batch = useApp('producer', (s) => s.batch);
  const job = useApp('producer', (s) => s.job);
  const jobError = useApp('producer', (s) => s.jobError);
  const receiptId = useApp('producer', (s) => s.receipt?.id);
  const running = job?.state === 'running';
  const rate = (n: number) => t('producer.unit.msgPerSec', { value: fmt.number(n, n < 10 ? 1 : 0) });
  const setBatch = producer.getState().setBatch;
  const num = (v: string, lo: number, hi: number, fallback: number) => {
    const n = Number(v);
    return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
  };

  let status: string | null = null;
  if (job) {
    const p = { sent: fmt.number(job.sent), total: fmt.number(job.total), rate: rate(job.ratePerSec) };
    status =
      job.state === 'running' ? t('producer.many.progress', p) : job.state === 'done' ? t('producer.many.done', p) : job.state === 'cancelled' ? t('producer.many.cancelled', p) : t('producer.many.failed', p);
  }

  return (
    <fieldset className="fieldset batch" data-testid="producer-batch">
      <legend>{t('producer.many.title')}</legend>
      <div className="batch-controls">
        <label className="inline-field">
          <span>{t('producer.many.count')}</span>
          <input className="input input-sm" type="number" min={1} max={1_000_000} value={batch.count} onChange={(e) => setBatch({ count: Math.round(num(e.target.value, 1, 1_000_000, 100)) })} data-testid="producer-many-count" />
        </label>
        <label className="inline-field">
          <span>{t('producer.many.rate')}</span>
          <input className="input input-sm" type="number" min={0.1} max={100_000} step="any" value={batch.rate} onChange={(e) => setBatch({ rate: num(e.target.value, 0.1, 100_000, 20) })} data-testid="producer-many-rate" />
        </label>
        <Checkbox label={t('producer.many.varyKeys')} checked={batch.varyKeys} onChange={(v) => setBatch({ varyKeys: v })} />
        <Checkbox label={t('producer.many.varyVectors')} checked={batch.varyVectors} onChange={(v) => setBatch({ varyVectors: v })} />
        {running ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void producer.getState().cancelJob()} data-testid="producer-many-cancel">
            {t('producer.many.cancel')}
          </button>
        ) : (
          <button type="button" className="btn btn-secondary btn-sm" disabled={disabled} onClick={() => void producer.getState().sendMany()} data-testid="producer-many-start">
            {t('producer.many.start', { count: fmt.number(batch.count) })}
          </button>
        )}
      </div>
      {job ? (
        <div className="batch-progress" data-testid="producer-many-progress" data-state={job.state}>
          <progress max={job.total} value={job.sent} aria-label={status ?? undefined} />
          <span className="small" role="status">
            {status}
          </span>
          {job.state === 'done' && job.lastReceipt && job.lastReceipt.id !== receiptId ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => job.lastReceipt && void producer.getState().follow(job.lastReceipt)} data-testid="producer-many-follow">
              {t('producer.many.verifyLast')}
            </button>
          ) : null}
        </div>
      ) : null}
      {job?.error ? <ProblemPanel error={job.error} testId="producer-many-error" /> : null}
      {jobError ? <ProblemPanel error={jobError} testId="producer-many-error" /> : null}
    </fieldset>
  );
}
