// Delivery of the last message, step by step: sent to Kafka (partition, offset), then written to
// Milvus with the row and the end-to-end latency, or exactly why not.
import type { ReactNode } from 'react';
import type { PipelineBrief, SendReceipt, VerifyState } from '../../../../shared/contract-producer';
import { isVectorType } from '../../../../shared/milvus-schema';
import { Icon, type IconName } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { conversionDetail, conversionMessage, englishDetail } from '../../i18n/conversion-text';
import { useI18n, type I18n } from '../../i18n/context';
import { reasonLabel } from '../../i18n/log-line';
import { useApp, useStores } from '../../stores/context';
import { PipelineStateChip } from '../pipelines/state-chip';
import { ProblemPanel } from './problem-panel';
import { RowTable } from './row-table';
import { useRules } from './use-rules';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'pending';

function Step(props: { tone: Tone; title: string; children?: ReactNode; testId: string; last?: boolean }) {
  const icon: Record<Exclude<Tone, 'pending'>, IconName> = { ok: 'checkCircle', warn: 'alert', danger: 'error', info: 'info' };
  return (
    <li className={`dstep tone-${props.tone}${props.last ? ' last' : ''}`} data-testid={props.testId}>
      <span className="dstep-icon">{props.tone === 'pending' ? <Spinner size={14} /> : <Icon name={icon[props.tone]} size={16} />}</span>
      <div className="dstep-body">
        <p className="dstep-title">{props.title}</p>
        {props.children}
      </div>
    </li>
  );
}

function PipelineLine({ p }: { p?: PipelineBrief }) {
  const { t } = useI18n();
  if (!p) return null;
  return (
    <p className="dstep-line">
      <span>{t('producer.verify.pipeline', { name: p.name })}</span> <PipelineStateChip state={p.state} cause={p.cause} causeText={p.causeText} />
    </p>
  );
}

function Outcome({ state, receipt }: { state: VerifyState; receipt: SendReceipt }) {
  const i18n = useI18n();
  const { t, fmt, plural } = i18n;
  const { producer } = useStores();
  const target = useApp('producer', (s) => s.target);
  const template = useApp('producer', (s) => s.template);
  const schema = template.status === 'ok' ? template.value.schema : undefined;
  switch (state.kind) {
    case 'waiting':
      return (
        <Step tone="pending" title={t('producer.verify.waiting')} testId="verify-waiting" last>
          <p className="dstep-line muted">{t('producer.verify.waitingDetail', { elapsed: fmt.duration(state.elapsedMs) })}</p>
          <PipelineLine p={state.pipeline} />
          {state.behind !== undefined ? <p className="dstep-line muted">{state.behind > 0 ? plural('producer.verify.behind', state.behind) : t('producer.verify.passed')}</p> : null}
          {state.rowMismatch ? <p className="dstep-line warn-text">{t('producer.verify.rowMismatch')}</p> : null}
        </Step>
      );
    case 'written': {
      const vectorField = schema?.fields.find((f) => isVectorType(f.dataType) && Array.isArray(state.row[f.name]));
      return (
        <Step tone="ok" title={t('producer.verify.written')} testId="verify-written" last>
          <p className="dstep-line">{t('producer.verify.writtenDetail', { latency: fmt.duration(state.latencyMs), field: state.track.field, value: String(state.track.value) })}</p>
          {state.preexisting ? <p className="dstep-line muted">{t('producer.verify.preexisting')}</p> : null}
          <RowTable row={state.row} label={t('producer.verify.row', { collection: target.collection })} testId="verify-row" />
          {vectorField ? (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              data-testid="verify-search"
              onClick={() => {
                producer.getState().setSearch({ vectorText: (state.row[vectorField.name] as number[]).join(', ') });
                void producer.getState().runSearch();
                document.getElementById('producer-search')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              }}
            >
              <Icon name="arrowRight" size={14} />
              {t('producer.verify.searchRow')}
            </button>
          ) : null}
        </Step>
      );
    }
    case 'dead-lettered':
      return (
        <Step tone="danger" title={t('producer.verify.deadLettered')} testId="verify-dead-lettered" last>
          <p className="dstep-line">{t('producer.verify.deadLetteredDetail', { topic: state.dlq.topic, partition: state.dlq.partition, offset: state.dlq.offset })}</p>
          <p className="dead-reason" data-testid="verify-reason">
            {state.field ? <code className="issue-field">{state.field}</code> : null}
            <span className="issue-head">{reasonLabel(state.code, i18n)}</span>
            <span>{deadLetterDetail(state, receipt, i18n)}</span>
          </p>
          <PipelineLine p={state.pipeline} />
        </Step>
      );
    case 'no-pipeline':
      return (
        <Step tone="warn" title={t('producer.verify.noPipeline')} testId="verify-no-pipeline" last>
          <p className="dstep-line">{t('producer.verify.noPipelineDetail', { topic: receipt.topic, collection: target.collection })}</p>
          {state.stopped.map((p) => (
            <p className="dstep-line muted" key={p.id}>
              {t('producer.verify.stopped', { name: p.name, state: t(`pipeline.state.${p.state}`) })}
            </p>
          ))}
          {state.elsewhere.map((p) => (
            <p className="dstep-line muted" key={p.id}>
              {t('producer.verify.elsewhere', { name: p.name, collection: p.collection })}
            </p>
          ))}
        </Step>
      );
    case 'pipeline-failed':
      return (
        <Step tone="danger" title={t('producer.verify.failed')} testId="verify-failed" last>
          <p className="dstep-line">{t('producer.verify.failedDetail', { name: state.pipeline.name })}</p>
          {state.pipeline.cause ? <pre className="dstep-pre">{state.pipeline.cause}</pre> : null}
        </Step>
      );
    case 'untrackable':
      return (
        <Step tone="info" title={t('producer.verify.untrackable')} testId="verify-untrackable" last>
          <p className="dstep-line">{t('producer.verify.untrackableDetail', { reason: state.reason })}</p>
        </Step>
      );
    case 'timeout':
      return (
        <Step tone="warn" title={t('producer.verify.timeout', { elapsed: fmt.duration(state.elapsedMs) })} testId="verify-timeout" last>
          <PipelineLine p={state.pipeline} />
          {state.behind !== undefined && state.behind > 0 ? <p className="dstep-line muted">{plural('producer.verify.behind', state.behind)}</p> : null}
          {state.rowMismatch ? <p className="dstep-line warn-text">{t('producer.verify.rowMismatch')}</p> : null}
          <p className="dstep-line muted">{t('producer.verify.timeoutDetail')}</p>
        </Step>
      );
    case 'error':
      return (
        <Step tone="danger" title={t('producer.verify.error')} testId="verify-error" last>
          <ProblemPanel error={state.error} />
        </Step>
      );
  }
}

type DeadLettered = Extract<VerifyState, { kind: 'dead-lettered' }>;

/**
 * Why the record went to the dead-letter topic, without the field the line already names: in the
 * reader's language from the words the Studio's dead letters carry, or from the check before
 * sending when it predicted this very failure (a record dead-lettered by other tooling has only
 * the English sentence).
 */
function deadLetterDetail(state: DeadLettered, receipt: SendReceipt, i18n: I18n): string {
  const field = state.field ? { field: state.field } : {};
  if (state.words) return conversionDetail({ message: state.reason, ...field, words: state.words }, i18n, i18n.fmt);
  const predicted = receipt.conversion.ok === false ? receipt.conversion.error : undefined;
  if (predicted && predicted.code === state.code && predicted.field === state.field) return conversionDetail(predicted, i18n, i18n.fmt);
  return englishDetail({ message: state.reason, ...field });
}

/** The outcome in one sentence, for the live region (the steps themselves update too often). */
function outcomeSaid(state: VerifyState, receipt: SendReceipt, i18n: I18n): string {
  const { t, fmt } = i18n;
  switch (state.kind) {
    case 'waiting':
      return t('producer.verify.waiting');
    case 'written':
      return t('producer.verify.written');
    case 'dead-lettered':
      return `${t('producer.verify.deadLettered')}: ${state.field ? `${state.field}, ` : ''}${reasonLabel(state.code, i18n)}. ${deadLetterDetail(state, receipt, i18n)}`;
    case 'no-pipeline':
      return t('producer.verify.noPipeline');
    case 'pipeline-failed':
      return t('producer.verify.failed');
    case 'untrackable':
      return t('producer.verify.untrackable');
    case 'timeout':
      return t('producer.verify.timeout', { elapsed: fmt.duration(state.elapsedMs) });
    case 'error':
      return t('producer.verify.error');
  }
}

/** Before the first send: what this panel will show, or that a pipeline is needed first. */
function VerifyEmpty() {
  const { t } = useI18n();
  const { router } = useStores();
  const { pipeline } = useRules();
  if (pipeline) return <p className="muted verify-empty">{t('producer.verify.empty')}</p>;
  return (
    <div className="verify-empty" data-testid="verify-needs-pipeline">
      <p className="verify-empty-title">{t('producer.empty.title')}</p>
      <p className="muted small">{t('producer.empty.body')}</p>
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => router.getState().navigate({ page: 'pipelines' })}>
        {t('common.goPipelines')}
      </button>
    </div>
  );
}

export function VerifyPanel() {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const { producer } = useStores();
  const receipt = useApp('producer', (s) => s.receipt);
  const state = useApp('producer', (s) => s.verify);
  const verifying = useApp('producer', (s) => s.verifying);
  const again = state && !verifying && state.kind !== 'written' && state.kind !== 'dead-lettered';

  return (
    <section className="card producer-verify" aria-labelledby="producer-verify-title" data-testid="producer-verify" data-state={state?.kind ?? 'none'}>
      <div className="card-head">
        <h2 className="section-title" id="producer-verify-title">
          {t('producer.verify.title')}
        </h2>
        {again ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void producer.getState().verifyAgain()} data-testid="verify-again">
            <Icon name="refresh" size={14} />
            {t('producer.verify.again')}
          </button>
        ) : null}
      </div>
      {!receipt || !state ? (
        <VerifyEmpty />
      ) : (
        <ol className="dsteps">
          <Step tone="ok" title={t('producer.verify.sent')} testId="verify-sent">
            <p className="dstep-line mono small">
              {t('producer.verify.sentDetail', { topic: receipt.topic, partition: receipt.partition, offset: receipt.offset, size: fmt.bytes(receipt.bytes) })}
            </p>
            {receipt.conversion.ok === false ? <p className="dstep-line warn-text">{t('producer.verify.predicted', { reason: conversionMessage(receipt.conversion.error, i18n, fmt) })}</p> : null}
          </Step>
          <Outcome state={state} receipt={receipt} />
        </ol>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="verify-announcer">
        {receipt && state ? `${t('producer.verify.sent')}. ${outcomeSaid(state, receipt, i18n)}` : ''}
      </p>
    </section>
  );
}
