// Left side: the Kafka connection and topic, how many messages to sample and from which end, and
// what the last sample read (or why it could not).
import { useId, useState } from 'react';
import { SAMPLE_FROM, type SampleFrom, type TopicSample } from '../../../../shared/contract-schema';
import { Chip } from '../../components/chip';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { conversionDetail } from '../../i18n/conversion-text';
import { useApp, useStores } from '../../stores/context';
import { SAMPLE_COUNTS } from '../../stores/schema-store';
import { ErrorPanel } from '../connections/error-panel';
import { CreateTopicDialog } from './create-topic-dialog';

export function SourceCard() {
  const { t, plural } = useI18n();
  const { schema } = useStores();
  const s = useApp('schema', (x) => x);
  const profiles = useApp('connections', (x) => x.profiles);
  const kafkaProfiles = profiles.filter((p) => p.kind === 'kafka');
  const [creating, setCreating] = useState(false);
  const fromName = useId();
  const topics = s.topics.status === 'ok' ? s.topics.value : [];
  const listed = s.topic === null || topics.some((x) => x.name === s.topic);
  const topicOptions = [
    { value: '', label: s.topics.status === 'loading' ? t('common.loading') : t('schema.topic.choose') },
    ...(listed || s.topic === null ? [] : [{ value: s.topic, label: t('schema.topic.missingOption', { name: s.topic }) }]),
    ...topics.map((x) => ({ value: x.name, label: x.messages === undefined ? x.name : plural('schema.topic.option', x.messages, { name: x.name }) })),
  ];

  return (
    <section className="card schema-side" aria-labelledby="schema-source-title" data-testid="schema-source">
      <header className="schema-side-head">
        <span className="kind-icon kind-kafka" aria-hidden="true">
          <Icon name="kafka" size={16} />
        </span>
        <div>
          <h2 className="section-title" id="schema-source-title">
            {t('schema.source.title')}
          </h2>
          <p className="muted small">{t('schema.source.body')}</p>
        </div>
      </header>
      <div className="form-row">
        <SelectField
          label={t('schema.kafkaProfile')}
          value={s.kafkaProfile?.id ?? ''}
          options={[{ value: '', label: t('schema.profile.choose') }, ...kafkaProfiles.map((p) => ({ value: p.id, label: p.name }))]}
          onValue={(id) => void schema.getState().chooseKafka(kafkaProfiles.find((p) => p.id === id) ?? null)}
          data-testid="schema-kafka-profile"
        />
        <div className="schema-with-action">
          <SelectField
            label={t('schema.topic')}
            value={s.topic ?? ''}
            options={topicOptions}
            disabled={!s.kafkaProfile}
            onValue={(v) => void schema.getState().chooseTopic(v || null)}
            data-testid="schema-topic"
          />
          <button type="button" className="icon-btn" disabled={!s.kafkaProfile} onClick={() => setCreating(true)} aria-label={t('schema.topic.create')} title={t('schema.topic.create')} data-testid="schema-topic-create">
            <Icon name="plus" />
          </button>
        </div>
      </div>
      <div className="schema-sample-row">
        <SelectField
          className="schema-count"
          label={t('schema.sample.count')}
          value={String(s.sampleCount)}
          options={SAMPLE_COUNTS.map((n) => ({ value: String(n), label: plural('schema.sample.countOption', n) }))}
          onValue={(v) => void schema.getState().setSampling({ count: Number(v) })}
          data-testid="schema-sample-count"
        />
        <div className="field">
          <span className="field-label" id={`${fromName}-label`}>
            {t('schema.sample.from')}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby={`${fromName}-label`}>
            {SAMPLE_FROM.map((f: SampleFrom) => (
              <label key={f} className={s.sampleFrom === f ? 'segment active' : 'segment'}>
                <input type="radio" name={fromName} value={f} checked={s.sampleFrom === f} onChange={() => void schema.getState().setSampling({ from: f })} data-testid={`schema-from-${f}`} />
                <span>{t(`schema.sample.from.${f}`)}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
      <div className="schema-status-line">
        <SampleStatus onCreateTopic={() => setCreating(true)} />
        <button type="button" className="btn btn-secondary btn-sm schema-resample" disabled={!s.topic || s.sample.status === 'loading'} onClick={() => void schema.getState().resample()} data-testid="schema-resample">
          <Icon name="refresh" size={14} />
          {t('schema.sample.again')}
        </button>
      </div>
      <CreateTopicDialog open={creating} initialName={s.topic && !listed ? s.topic : ''} onClose={() => setCreating(false)} />
    </section>
  );
}

function SampleStatus({ onCreateTopic }: { onCreateTopic: () => void }) {
  const i18n = useI18n();
  const { t, fmt, plural } = i18n;
  const sample = useApp('schema', (x) => x.sample);
  if (sample.status === 'idle') return <p className="schema-status muted">{t('schema.sample.idle')}</p>;
  if (sample.status === 'loading') {
    return (
      <p className="schema-status muted" role="status" data-testid="schema-sample-status">
        <Spinner size={14} /> {t('schema.sample.reading')}
      </p>
    );
  }
  if (sample.status === 'error') {
    return (
      <div className="schema-status-block" data-testid="schema-sample-error">
        <ErrorPanel error={sample.error} />
        {sample.error.code === 'not_found' ? (
          <button type="button" className="btn btn-secondary btn-sm" onClick={onCreateTopic} data-testid="schema-missing-topic-create">
            <Icon name="plus" size={14} />
            {t('schema.topic.createMissing')}
          </button>
        ) : null}
      </div>
    );
  }
  const v: TopicSample = sample.value;
  return (
    <div className="schema-status-block" role="status" data-testid="schema-sample-status">
      <p className="schema-status">
        <Icon name="checkCircle" size={14} className="schema-status-ok" />
        <span className="schema-status-text">
          {v.read === 0 ? t('schema.sample.empty') : t('schema.sample.read', { read: v.read, available: v.available, duration: fmt.duration(v.elapsedMs) })}
        </span>
        {v.unparseable.count > 0 ? <Chip tone="warn">{plural('schema.sample.unparseable', v.unparseable.count)}</Chip> : null}
        {v.timedOut ? <Chip tone="warn">{t('schema.sample.timedOut')}</Chip> : null}
        {v.truncated ? <Chip tone="info">{t('schema.sample.truncated')}</Chip> : null}
      </p>
      {v.unparseable.examples.length > 0 ? (
        <details className="details">
          <summary>{t('schema.sample.unparseableWhy')}</summary>
          <ul className="schema-reasons">
            {v.unparseable.examples.map((u) => (
              <li key={`${u.partition}:${u.offset}`}>
                <span className="mono">{t('schema.sample.at', { partition: u.partition, offset: u.offset })}</span> {conversionDetail(u, i18n, fmt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
