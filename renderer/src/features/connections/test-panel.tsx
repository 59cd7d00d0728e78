// "Test connection": the button, a live status line, and what was found (or why it failed).
import type { ReactNode } from 'react';
import type { KafkaTestResult, MilvusTestResult } from '../../../../shared/domain';
import { BusyButton } from '../../components/busy-button';
import { Chip } from '../../components/chip';
import { Icon } from '../../components/icons';
import { describeError } from '../../i18n/describe-error';
import { useI18n } from '../../i18n/context';
import type { TestState } from '../../stores/test-state';
import { ErrorPanel } from './error-panel';

interface Props<R> {
  kind: 'kafka' | 'milvus';
  state: TestState<R>;
  /** Key of the target as the form is now (null when the form is invalid). */
  currentKey: string | null;
  onTest: () => void;
  renderResult: (result: R) => ReactNode;
}

export function TestPanel<R>({ kind, state, currentKey, onTest, renderResult }: Props<R>) {
  const i18n = useI18n();
  const { t } = i18n;
  const running = state.status === 'running';
  const stale = state.status !== 'idle' && state.status !== 'running' && state.key !== currentKey;
  let status: ReactNode = null;
  if (running) status = <Chip tone="info" icon="spinner">{t(`test.running.${kind}`)}</Chip>;
  else if (state.status === 'ok') status = <Chip tone={stale ? 'neutral' : 'ok'} icon="checkCircle">{t('test.ok')}</Chip>;
  else if (state.status === 'error') status = <Chip tone={stale ? 'neutral' : 'danger'} icon="error">{t('test.failed')}</Chip>;
  // What a screen reader says: which connection, and the result with its reason.
  const service = kind === 'kafka' ? 'Kafka' : 'Milvus';
  let said = '';
  if (running) said = t(`test.running.${kind}`);
  else if (state.status === 'ok') said = t('test.announce.ok', { service });
  else if (state.status === 'error') said = t('test.announce.failed', { service, reason: describeError(state.error, i18n).title });

  return (
    <section className="test-panel" aria-label={t(`test.title.${kind}`)}>
      <div className="test-bar">
        <BusyButton type="button" className="btn btn-secondary" onClick={onTest} busy={running} data-testid={`${kind}-test-button`}>
          <Icon name="zap" size={15} />
          {running ? t('test.testing') : t('test.button')}
        </BusyButton>
        <div className="test-status" role="status" aria-live="polite" data-testid={`${kind}-test-status`} data-status={state.status}>
          <span aria-hidden="true">{status}</span>
          <span className="visually-hidden">{said}</span>
          {stale ? <span className="muted small">{t('test.stale')}</span> : null}
        </div>
      </div>
      {state.status === 'ok' ? (
        <div className={stale ? 'result-panel stale' : 'result-panel'} data-testid={`${kind}-test-result`}>
          {renderResult(state.result)}
        </div>
      ) : null}
      {state.status === 'error' ? <ErrorPanel error={state.error} testId={`${kind}-test-error`} /> : null}
    </section>
  );
}

function Kv({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'kv-item wide' : 'kv-item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function KafkaResult({ result }: { result: KafkaTestResult }) {
  const { t, fmt } = useI18n();
  return (
    <dl className="kv">
      <Kv label={t('result.clusterId')}>
        <span className="mono">{result.clusterId || '—'}</span>
      </Kv>
      <Kv label={t('result.topics')}>{fmt.number(result.topicCount)}</Kv>
      <Kv label={t('result.latency')}>{fmt.duration(result.latencyMs)}</Kv>
      <Kv label={t('result.brokers')} wide>
        <ul className="inline-list">
          {result.brokers.map((b) => (
            <li key={b.nodeId} className="tag mono">
              {b.host}:{b.port}
              {b.nodeId === result.controllerId ? <span className="tag-note">{t('result.controller')}</span> : null}
            </li>
          ))}
        </ul>
      </Kv>
    </dl>
  );
}

export function MilvusResult({ result }: { result: MilvusTestResult }) {
  const { t, fmt } = useI18n();
  return (
    <dl className="kv">
      <Kv label={t('result.serverVersion')}>
        <span className="mono">{result.serverVersion || '—'}</span>
      </Kv>
      <Kv label={t('result.collections')}>{fmt.number(result.collections.length)}</Kv>
      <Kv label={t('result.latency')}>{fmt.duration(result.latencyMs)}</Kv>
      <Kv label={t('result.databases')} wide>
        <ul className="inline-list">
          {result.databases.map((d) => (
            <li key={d} className="tag mono">
              {d}
              {d === result.database ? <span className="tag-note">{t('result.current')}</span> : null}
            </li>
          ))}
        </ul>
      </Kv>
    </dl>
  );
}
