// Where messages go: a pipeline (fills in both ends) or a Kafka topic and a Milvus collection chosen
// by hand, and the collection's schema at a glance.
import { useMemo } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import { SelectField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';

export function useTargetActions() {
  const { producer } = useStores();
  const profiles = useApp('connections', (s) => s.profiles);
  return useMemo(() => {
    const profile = (id: string) => profiles.find((p) => p.id === id);
    const st = () => producer.getState();
    return {
      pickPipeline(v: PipelineView | undefined) {
        if (!v) return st().setTarget({ pipelineId: '' });
        const topic = 'names' in v.spec.topics ? (v.spec.topics.names[0] ?? '') : (v.status.topics[0] ?? '');
        st().setTarget({ pipelineId: v.spec.id, kafkaProfileId: v.spec.kafkaProfileId, topic, milvusProfileId: v.spec.milvusProfileId, collection: v.spec.collection, database: v.spec.database });
        const k = profile(v.spec.kafkaProfileId);
        const m = profile(v.spec.milvusProfileId);
        if (k) void st().loadTopics(k);
        if (m) void st().loadCollections(m);
        void st().loadTemplate(true);
      },
      pickKafka(id: string) {
        st().setTarget({ pipelineId: '', kafkaProfileId: id, topic: '' });
        const k = profile(id);
        if (k) void st().loadTopics(k);
      },
      pickMilvus(id: string) {
        st().setTarget({ pipelineId: '', milvusProfileId: id, collection: '', database: undefined });
        const m = profile(id);
        if (m) void st().loadCollections(m);
      },
      pickTopic: (topic: string) => st().setTarget({ pipelineId: '', topic }),
      pickCollection(collection: string) {
        st().setTarget({ pipelineId: '', collection });
        void st().loadTemplate(true);
      },
    };
  }, [producer, profiles]);
}

export function SchemaChips({ schema }: { schema: CollectionSchema }) {
  const { t } = useI18n();
  return (
    <ul className="schema-chips" aria-label={schema.name} data-testid="producer-schema">
      {schema.fields.map((f) => (
        <li key={f.name} className="schema-chip">
          <span className="mono">{f.name}</span>
          <span className="schema-type">
            {f.dataType}
            {f.dataType === 'Array' && f.elementType ? `<${f.elementType}>` : ''}
            {f.dim !== undefined ? `(${f.dim})` : f.maxLength !== undefined ? `(${f.maxLength})` : ''}
          </span>
          {f.isPrimaryKey ? <span className="schema-flag">{f.autoID ? `${t('producer.schema.pk')} · ${t('producer.schema.auto')}` : t('producer.schema.pk')}</span> : null}
        </li>
      ))}
      {schema.enableDynamicField ? (
        <li className="schema-chip">
          <span className="schema-flag">{t('producer.schema.dynamic')}</span>
        </li>
      ) : null}
    </ul>
  );
}

export function TargetCard() {
  const { t } = useI18n();
  const actions = useTargetActions();
  const profiles = useApp('connections', (s) => s.profiles);
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const target = useApp('producer', (s) => s.target);
  const topics = useApp('producer', (s) => s.topics);
  const collections = useApp('producer', (s) => s.collections);
  const template = useApp('producer', (s) => s.template);

  const choose = { value: '', label: t('producer.target.choose') };
  const kafka = profiles.filter((p) => p.kind === 'kafka').map((p) => ({ value: p.id, label: p.name }));
  const milvus = profiles.filter((p) => p.kind === 'milvus').map((p) => ({ value: p.id, label: p.name }));
  const withCurrent = (list: { value: string; label: string }[], current: string) => (current && !list.some((o) => o.value === current) ? [...list, { value: current, label: current }] : list);
  const topicOptions = withCurrent(
    topics.status === 'ok' ? topics.value.map((x) => ({ value: x.name, label: x.name })) : [],
    target.topic,
  );
  const collectionOptions = withCurrent(
    collections.status === 'ok' ? collections.value.map((c) => ({ value: c.name, label: c.name })) : [],
    target.collection,
  );
  const loadingLabel = (l: { status: string }) => (l.status === 'loading' ? t('producer.target.loading') : undefined);

  return (
    <section className="card producer-target" aria-labelledby="producer-target-title" data-testid="producer-target">
      <h2 className="section-title" id="producer-target-title">
        {t('producer.target.title')}
      </h2>
      <div className="target-grid">
        <SelectField
          className="target-pipeline"
          label={t('producer.target.pipeline')}
          value={target.pipelineId}
          options={[{ value: '', label: t('producer.target.pipeline.none') }, ...pipelines.map((v) => ({ value: v.spec.id, label: `${v.spec.name} · ${t(`pipeline.state.${v.status.state}`)}` }))]}
          onValue={(id) => actions.pickPipeline(pipelines.find((v) => v.spec.id === id))}
          hint={t('producer.target.pipeline.hint')}
          data-testid="producer-pipeline"
        />
        <SelectField label={t('producer.target.kafka')} value={target.kafkaProfileId} options={[choose, ...kafka]} onValue={actions.pickKafka} data-testid="producer-kafka" />
        <SelectField
          label={t('producer.target.topic')}
          value={target.topic}
          options={[choose, ...topicOptions]}
          onValue={actions.pickTopic}
          hint={loadingLabel(topics)}
          disabled={!target.kafkaProfileId}
          data-testid="producer-topic"
        />
        <SelectField label={t('producer.target.milvus')} value={target.milvusProfileId} options={[choose, ...milvus]} onValue={actions.pickMilvus} data-testid="producer-milvus" />
        <SelectField
          label={t('producer.target.collection')}
          value={target.collection}
          options={[choose, ...collectionOptions]}
          onValue={actions.pickCollection}
          hint={loadingLabel(collections)}
          disabled={!target.milvusProfileId}
          data-testid="producer-collection"
        />
      </div>
      {template.status === 'ok' ? <SchemaChips schema={template.value.schema} /> : null}
      {template.status === 'loading' ? <p className="muted small">{t('producer.schema.loading')}</p> : null}
    </section>
  );
}
