// Step 3: name both connections, see what was tested, and save.
import type { ReactNode } from 'react';
import { Chip } from '../../components/chip';
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp } from '../../stores/context';
import type { TestState } from '../../stores/test-state';
import { useKafkaTarget, useMilvusTarget } from '../connections/editors';

function TestChip({ state, currentKey }: { state: TestState<unknown>; currentKey: string | null }) {
  const { t } = useI18n();
  if (state.status === 'idle' || state.status === 'running' || state.key !== currentKey) return <Chip tone="warn">{t('review.notTested')}</Chip>;
  if (state.status === 'ok') return <Chip tone="ok">{t('review.tested')}</Chip>;
  return <Chip tone="danger">{t('review.testFailed')}</Chip>;
}

function ReviewCard(props: { kind: 'kafka' | 'milvus'; title: string; name: string; onName: (v: string) => void; nameError?: string; rows: [string, ReactNode][]; chip: ReactNode; note?: string }) {
  const { t } = useI18n();
  return (
    <section className="card review-card" data-testid={`review-${props.kind}`}>
      <header className="review-card-head">
        <span className={`kind-icon kind-${props.kind}`}>
          <Icon name={props.kind} size={16} />
        </span>
        <h3>{props.title}</h3>
        {props.chip}
      </header>
      <TextField label={t('review.name')} value={props.name} onValue={props.onName} error={props.nameError} data-testid={`review-${props.kind}-name`} maxLength={120} />
      <dl className="kv compact">
        {props.rows.map(([k, v]) => (
          <div className="kv-item" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {props.note ? <p className="muted small">{props.note}</p> : null}
    </section>
  );
}

export function ReviewStep({ showNameErrors }: { showNameErrors: boolean }) {
  const { t } = useI18n();
  const w = useApp('wizard', (s) => s);
  const kafkaTest = useApp('connections', (s) => s.kafkaTest);
  const milvusTest = useApp('connections', (s) => s.milvusTest);
  const kafka = useKafkaTarget(w.kafka, w.kafkaBase?.id);
  const milvus = useMilvusTarget(w.milvus, w.milvusBase?.id);
  const required = (v: string) => (showNameErrors && !v.trim() ? t('form.required') : undefined);
  const authLabel =
    w.milvus.auth === 'none' ? t('milvus.auth.none') : w.milvus.auth === 'token' ? t('milvus.auth.token') : t('milvus.auth.userpass');
  const baseNote = (base: { name: string } | null) => (base ? t('review.updates', { name: base.name }) : undefined);

  return (
    <div className="review-grid">
      <ReviewCard
        kind="kafka"
        title={t('wizard.step.kafka')}
        name={w.kafkaName}
        onName={(v) => w.setName('kafka', v)}
        nameError={required(w.kafkaName)}
        chip={<TestChip state={kafkaTest} currentKey={kafka.key} />}
        note={baseNote(w.kafkaBase)}
        rows={[
          [t('kafka.brokers'), <span className="mono">{kafka.conv.ok ? kafka.conv.value.brokers.join(', ') : '—'}</span>],
          [t('kafka.securityProtocol'), w.kafka.securityProtocol],
        ]}
      />
      <ReviewCard
        kind="milvus"
        title={t('wizard.step.milvus')}
        name={w.milvusName}
        onName={(v) => w.setName('milvus', v)}
        nameError={required(w.milvusName)}
        chip={<TestChip state={milvusTest} currentKey={milvus.key} />}
        note={baseNote(w.milvusBase)}
        rows={[
          [t('milvus.address'), <span className="mono">{w.milvus.address || '—'}</span>],
          [t('milvus.auth'), authLabel],
          [t('milvus.database'), w.milvus.database || t('milvus.database.default')],
        ]}
      />
    </div>
  );
}
