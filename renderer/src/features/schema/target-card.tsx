// Right side: the Milvus connection and collection, a one-line summary of its schema, and
// "Create collection from this topic" once there is a sample to build it from.
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import { isVectorType, primaryKeyField } from '../../../../shared/milvus-schema';
import { Chip } from '../../components/chip';
import { SelectField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';

export function TargetCard({ onCreate }: { onCreate: () => void }) {
  const { t, plural } = useI18n();
  const { schema } = useStores();
  const s = useApp('schema', (x) => x);
  const profiles = useApp('connections', (x) => x.profiles);
  const milvusProfiles = profiles.filter((p) => p.kind === 'milvus');
  const collections = s.collections.status === 'ok' ? s.collections.value : [];
  const listed = s.collection === null || collections.some((c) => c.name === s.collection);
  const options = [
    { value: '', label: s.collections.status === 'loading' ? t('common.loading') : t('schema.collection.choose') },
    ...(listed || s.collection === null ? [] : [{ value: s.collection, label: t('schema.collection.missingOption', { name: s.collection }) }]),
    ...collections.map((c) => ({ value: c.name, label: c.rowCount === undefined ? c.name : plural('schema.collection.option', c.rowCount, { name: c.name }) })),
  ];
  const canCreate = s.sample.status === 'ok' && s.sample.value.messages.length > 0 && s.milvusProfile !== null;

  return (
    <section className="card schema-side" aria-labelledby="schema-target-title" data-testid="schema-target">
      <header className="schema-side-head">
        <span className="kind-icon kind-milvus" aria-hidden="true">
          <Icon name="milvus" size={16} />
        </span>
        <div>
          <h2 className="section-title" id="schema-target-title">
            {t('schema.target.title')}
          </h2>
          <p className="muted small">{t('schema.target.body')}</p>
        </div>
      </header>
      <div className="form-row">
        <SelectField
          label={t('schema.milvusProfile')}
          value={s.milvusProfile?.id ?? ''}
          options={[{ value: '', label: t('schema.profile.choose') }, ...milvusProfiles.map((p) => ({ value: p.id, label: p.name }))]}
          onValue={(id) => void schema.getState().chooseMilvus(milvusProfiles.find((p) => p.id === id) ?? null)}
          data-testid="schema-milvus-profile"
        />
        <SelectField
          label={t('schema.collection')}
          value={s.collection ?? ''}
          options={options}
          disabled={!s.milvusProfile}
          onValue={(v) => void schema.getState().chooseCollection(v || null)}
          data-testid="schema-collection"
        />
      </div>
      <div className="schema-target-actions">
        <button type="button" id="schema-create-collection" className="btn btn-secondary" disabled={!canCreate} onClick={onCreate} data-testid="schema-create-collection">
          <Icon name="plus" size={14} />
          {t('schema.collection.createFromTopic')}
        </button>
        {!canCreate ? <span className="muted small">{t('schema.collection.createNeeds')}</span> : null}
      </div>
      <div className="schema-status-line">
        <SchemaStatus />
      </div>
    </section>
  );
}

function SchemaStatus() {
  const { t } = useI18n();
  const schema = useApp('schema', (x) => x.schema);
  if (schema.status === 'idle') return <p className="schema-status muted">{t('schema.collection.idle')}</p>;
  if (schema.status === 'loading') {
    return (
      <p className="schema-status muted" role="status">
        <Spinner size={14} /> {t('schema.collection.reading')}
      </p>
    );
  }
  if (schema.status === 'error') return <ErrorPanel error={schema.error} testId="schema-collection-error" />;
  return <SchemaSummary schema={schema.value} />;
}

function SchemaSummary({ schema }: { schema: CollectionSchema }) {
  const { t, plural } = useI18n();
  const pk = primaryKeyField(schema);
  const vectors = schema.fields.filter((f) => isVectorType(f.dataType)).length;
  const partitionKey = schema.fields.find((f) => f.isPartitionKey);
  return (
    <p className="schema-status schema-summary" data-testid="schema-collection-summary">
      <span>{plural('schema.collection.fields', schema.fields.length)}</span>
      <span>{plural('schema.collection.vectors', vectors)}</span>
      {pk ? <Chip icon="key">{pk.autoID ? t('schema.collection.pkAuto', { name: pk.name }) : t('schema.collection.pk', { name: pk.name })}</Chip> : null}
      {partitionKey ? <Chip icon="pipeline">{t('schema.collection.partitionKey', { name: partitionKey.name })}</Chip> : null}
      <Chip tone={schema.enableDynamicField ? 'info' : 'neutral'} icon="box">
        {schema.enableDynamicField ? t('schema.collection.dynamicOn') : t('schema.collection.dynamicOff')}
      </Chip>
    </p>
  );
}
