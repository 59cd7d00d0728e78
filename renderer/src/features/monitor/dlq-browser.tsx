// Dead-letter browser: the newest records of the pipeline's dead-letter topic (read without moving
// any consumer group), filterable by reason, and redrive of the chosen ones once the cause is fixed.
import { memo, useEffect, useMemo, useState } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { RedriveResult } from '../../../../shared/contract-monitor';
import { Checkbox } from '../../components/field';
import { Icon } from '../../components/icons';
import { Modal, ModalFooter } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { reasonLabel } from '../../i18n/log-line';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { Glyph } from '../pipelines/glyphs';
import { dlqKey, filterRecords, reasonsOf } from './dlq-model';
import { DlqRow } from './dlq-row';
import './dlq.css';

export const DlqBrowser = memo(function DlqBrowser({ view }: { view: PipelineView }) {
  const i18n = useI18n();
  const { t, plural, fmt } = i18n;
  const { monitor, toasts } = useStores();
  const id = view.spec.id;
  const dlq = useApp('monitor', (s) => s.dlq);
  const [reason, setReason] = useState<string | null>(null);
  const [hideRedriven, setHideRedriven] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<RedriveResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const topic = view.spec.deadLetterTopic;

  const mine = dlq.status !== 'idle' && dlq.pipelineId === id ? dlq : null;
  useEffect(() => {
    if (topic && !mine) void monitor.getState().readDlq(id);
  }, [id, topic, mine, monitor]);

  const page = mine && 'page' in mine ? mine.page : undefined;
  const records = useMemo(() => page?.records ?? [], [page]);
  const reasons = useMemo(() => reasonsOf(records), [records]);
  const shown = useMemo(() => filterRecords(records, reason, hideRedriven), [records, reason, hideRedriven]);
  const chosen = shown.filter((r) => selected.has(dlqKey(r)));
  const allChosen = shown.length > 0 && chosen.length === shown.length;

  if (!topic) return <p className="muted dlq-none">{t('dlq.noTopic')}</p>;

  const toggle = (key: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  async function send() {
    setConfirming(false);
    setSending(true);
    setError(null);
    const r = await monitor.getState().redrive(
      id,
      chosen.map((x) => ({ partition: x.partition, offset: x.offset })),
    );
    setSending(false);
    if (!r.ok) return setError(r.error);
    setResult(r.value);
    setSelected(new Set());
    toasts.getState().push(plural('dlq.redriven', r.value.redriven, { topic: r.value.topics.join(', ') || '—' }), r.value.failed ? 'danger' : 'ok');
  }

  return (
    <div className="dlq-browser" data-testid="dlq-browser">
      <div className="dlq-toolbar">
        <div className="dlq-topic">
          <Glyph name="inbox" size={15} />
          <span className="mono">{topic}</span>
          {page ? <span className="muted small">{page.exists ? plural('dlq.retained', page.total) : t('dlq.topicMissing')}</span> : null}
        </div>
        <select className="select select-sm" value={reason ?? ''} onChange={(e) => setReason(e.target.value || null)} aria-label={t('dlq.filterReason')} data-testid="dlq-reason-filter">
          <option value="">{t('dlq.allReasons', { count: fmt.number(records.length) })}</option>
          {reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {`${reasonLabel(r.code, i18n)}${r.field ? ` · ${r.field}` : ''} (${fmt.number(r.count)})`}
            </option>
          ))}
        </select>
        <Checkbox label={t('dlq.hideRedriven')} checked={hideRedriven} onChange={setHideRedriven} />
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => void monitor.getState().readDlq(id)} disabled={mine?.status === 'loading'} data-testid="dlq-refresh">
          {mine?.status === 'loading' ? <Spinner size={13} /> : <Icon name="refresh" size={14} />}
          {t('dlq.refresh')}
        </button>
      </div>
      {mine?.status === 'error' ? <ErrorPanel error={mine.error} testId="dlq-error" /> : null}
      {error ? <ErrorPanel error={error} testId="dlq-redrive-error" /> : null}
      {result ? (
        <div className={`callout ${result.failed || result.skipped ? 'tone-warn' : 'tone-ok'}`} data-testid="dlq-result" data-redriven={result.redriven}>
          <Icon name={result.failed || result.skipped ? 'alert' : 'checkCircle'} size={16} />
          <div>
            <p className="strong">{t('dlq.result', { redriven: fmt.number(result.redriven), requested: fmt.number(result.requested), topics: result.topics.join(', ') || '—' })}</p>
            {result.skipped || result.failed ? <p className="small">{t('dlq.resultProblems', { skipped: fmt.number(result.skipped), failed: fmt.number(result.failed) })}</p> : null}
            {result.problems.slice(0, 5).map((p) => (
              <p key={`${p.partition}:${p.offset}`} className="small mono">{`${p.partition}:${p.offset} — ${p.reason}`}</p>
            ))}
          </div>
        </div>
      ) : null}
      {page && shown.length > 0 ? (
        <div className="dlq-selectbar">
          <Checkbox label={t('dlq.selectAll', { count: fmt.number(shown.length) })} checked={allChosen} onChange={(on) => setSelected(on ? new Set(shown.map(dlqKey)) : new Set())} testId="dlq-select-all" />
          <button type="button" className="btn btn-primary btn-sm" disabled={chosen.length === 0 || sending} onClick={() => setConfirming(true)} data-testid="dlq-redrive">
            {sending ? <Spinner size={13} /> : <Glyph name="redo" size={14} />}
            {plural('dlq.redriveCount', chosen.length)}
          </button>
        </div>
      ) : null}
      {!page && mine?.status === 'loading' ? (
        <p className="muted loading-line">
          <Spinner size={14} /> {t('dlq.loading')}
        </p>
      ) : page && shown.length === 0 ? (
        <p className="muted dlq-none" data-testid="dlq-empty">
          {records.length ? t('dlq.noneMatch') : t('dlq.empty')}
        </p>
      ) : (
        <ul className="dlq-list" aria-label={t('monitor.tab.dlq')} tabIndex={0}>
          {shown.map((r) => (
            <DlqRow key={dlqKey(r)} r={r} selected={selected.has(dlqKey(r))} onSelect={(on) => toggle(dlqKey(r), on)} />
          ))}
        </ul>
      )}
      {page?.partial ? <p className="muted small">{t('dlq.partial')}</p> : null}
      <Modal
        open={confirming}
        title={plural('dlq.confirm.title', chosen.length)}
        onClose={() => setConfirming(false)}
        testId="redrive-dialog"
        footer={<ModalFooter cancelLabel={t('common.cancel')} onCancel={() => setConfirming(false)} cancelFirst action={{ label: t('dlq.confirm.send'), testId: 'redrive-confirm', onClick: () => void send() }} />}
      >
        <p>{t('dlq.confirm.body', { topics: [...new Set(chosen.map((r) => r.source.topic ?? '?'))].join(', ') })}</p>
        <p className="small">{t('dlq.confirm.note')}</p>
      </Modal>
    </div>
  );
});
