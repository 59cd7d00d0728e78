// Before a collection is chosen: what the sampled messages carry, field by field, and the way on
// (pick a collection, or create one from this topic).
import type { TopicSample } from '../../../../shared/contract-schema';
import { sourceTypeLabel } from '../../../../shared/schema/match-format';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';

export function TopicFields({ sample, onCreate }: { sample: TopicSample; onCreate: (() => void) | null }) {
  const { t, plural } = useI18n();
  const fields = sample.inferred.fields;
  const total = sample.inferred.parsedCount;
  return (
    <section className="card schema-topic-fields" aria-labelledby="schema-topic-fields-title" data-testid="schema-topic-fields">
      <div className="schema-topic-fields-head">
        <div>
          <h2 className="section-title" id="schema-topic-fields-title">
            {t('schema.topicFields.title')} <span className="count">{plural('schema.match.rows', fields.length)}</span>
          </h2>
          <p className="muted small">{t('schema.topicFields.body')}</p>
        </div>
        {onCreate ? (
          <button type="button" className="btn btn-primary" onClick={onCreate} data-testid="schema-create-collection-cta">
            <Icon name="plus" size={14} />
            {t('schema.collection.createFromTopic')}
          </button>
        ) : null}
      </div>
      {fields.length ? (
        <ul className="schema-topic-list">
          {fields.map((f) => (
            <li key={f.path} style={{ paddingLeft: `${12 + f.depth * 18}px` }}>
              <span className="schema-name mono">{f.path}</span>
              <span className="schema-type mono">{sourceTypeLabel(f)}</span>
              <span className="muted small">{t('schema.inspector.presentValue', { present: f.present, total })}</span>
              <span className="schema-topic-example mono" title={f.examples.join('  ·  ')}>
                {f.examples[0] ?? ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('schema.topicFields.none')}</p>
      )}
    </section>
  );
}
