// Details of the row under the pointer (or the one pinned by a click): the sentence, a suggestion,
// sampled values, and the mapping controls for that field.
import type { TopicSample } from '../../../../shared/contract-schema';
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import { Icon } from '../../components/icons';
import { SelectField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import { conversionDetail } from '../../i18n/conversion-text';
import { useApp, useStores } from '../../stores/context';
import { explainText, rowExplanation } from './explain-text';
import { StatusChip } from './match-row';
import { mapSource, mapTarget, sourceChoices, sourceFor, toggleIgnore, type ViewRow } from './match-view';

interface Props {
  vr: ViewRow | null;
  pinned: boolean;
  sample: TopicSample;
  collection: CollectionSchema;
}

export function RowInspector({ vr, pinned, sample, collection }: Props) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  if (!vr) {
    return (
      <aside id="schema-inspector" className="card schema-inspector" aria-label={t('schema.inspector.label')} data-testid="schema-inspector">
        <p className="muted">{t('schema.inspector.empty')}</p>
      </aside>
    );
  }
  const { row } = vr;
  const total = sample.messages.length;
  return (
    <aside id="schema-inspector" className="card schema-inspector" aria-label={t('schema.inspector.label')} data-testid="schema-inspector">
      <div className="schema-inspector-head">
        <h3 className="schema-inspector-title mono">
          <span>{row.source.join(', ')}</span>
          <Icon name="arrowRight" size={13} />
          <span>{vr.kind === 'field' ? row.target : row.status === 'extra_dynamic' ? '$meta' : '—'}</span>
        </h3>
        <StatusChip row={row} />
        {pinned ? <span className="muted small">{t('schema.inspector.pinned')}</span> : null}
      </div>
      <p data-testid="schema-inspector-sentence">{rowExplanation(row, i18n, i18n.fmt)}</p>
      {row.hint ? <Hint vr={vr} /> : null}
      <dl className="kv compact schema-inspector-facts">
        <div className="kv-item">
          <dt>{t('schema.inspector.present')}</dt>
          <dd>{t('schema.inspector.presentValue', { present: row.present, total })}</dd>
        </div>
        {row.okFraction !== null ? (
          <div className="kv-item">
            <dt>{t('schema.inspector.converts')}</dt>
            <dd>{fmt.percent(row.okFraction)}</dd>
          </div>
        ) : null}
        {row.sourceType ? (
          <div className="kv-item">
            <dt>{t('schema.inspector.carries')}</dt>
            <dd className="mono">{row.sourceType}</dd>
          </div>
        ) : null}
        {row.targetType ? (
          <div className="kv-item">
            <dt>{t('schema.inspector.expects')}</dt>
            <dd className="mono">{row.targetType}</dd>
          </div>
        ) : null}
      </dl>
      <div className="schema-inspector-section">
        <h4>{t('schema.inspector.samples')}</h4>
        {row.samples.length ? (
          <ul className="schema-samples" data-testid="schema-samples">
            {row.samples.map((v, i) => (
              <li key={i} className="mono">
                {v}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t('schema.inspector.noSamples')}</p>
        )}
      </div>
      {row.firstError ? (
        <div className="schema-inspector-section schema-engine-error">
          <h4>{t('schema.inspector.engineSays')}</h4>
          <p className="mono">{conversionDetail(row.firstError, i18n, fmt)}</p>
        </div>
      ) : null}
      <MappingControls vr={vr} sample={sample} collection={collection} />
    </aside>
  );
}

function Hint({ vr }: { vr: ViewRow }) {
  const i18n = useI18n();
  const { schema } = useStores();
  const hint = vr.row.hint;
  if (!hint) return null;
  const candidate = String(hint.params.candidate ?? '');
  const target = String(hint.params.target ?? '');
  return (
    <div className="callout schema-hint">
      <Icon name="info" size={15} />
      <div>
        <p>{explainText(hint, i18n)}</p>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          data-testid="schema-apply-hint"
          onClick={() => schema.getState().setOptions({ mapping: mapTarget(schema.getState().options.mapping, target, candidate) })}
        >
          {i18n.t('schema.inspector.applyHint', { source: candidate, target })}
        </button>
      </div>
    </div>
  );
}

function MappingControls({ vr, sample, collection }: { vr: ViewRow; sample: TopicSample; collection: CollectionSchema }) {
  const { t } = useI18n();
  const { schema } = useStores();
  const options = useApp('schema', (s) => s.options);
  const { row } = vr;
  const set = schema.getState().setOptions;

  if (vr.kind === 'field' && row.target) {
    const target = row.target;
    const field = collection.fields.find((f) => f.name === target);
    if (field?.isFunctionOutput || (field?.isPrimaryKey && field.autoID)) return null;
    const current = sourceFor(options, target);
    const choices = sourceChoices(sample);
    const values = choices.includes(current) ? choices : [current, ...choices];
    return (
      <div className="schema-inspector-section">
        <h4>{t('schema.mapping.title')}</h4>
        <SelectField
          label={t('schema.mapping.readFrom', { name: target })}
          value={current}
          options={values.map((p) => ({ value: p, label: p === target ? t('schema.mapping.sameName', { name: p }) : p }))}
          onValue={(source) => set({ mapping: mapTarget(options.mapping, target, source) })}
          data-testid="schema-map-source"
        />
      </div>
    );
  }

  const source = row.source[0] ?? '';
  const ignored = row.status === 'ignored';
  const mappedTo = options.mapping.find((m) => m.source === source)?.target ?? '';
  const targets = collection.fields.filter((f) => !f.isFunctionOutput && !(f.isPrimaryKey && f.autoID)).map((f) => f.name);
  return (
    <div className="schema-inspector-section">
      <h4>{t('schema.mapping.title')}</h4>
      {!ignored ? (
        <SelectField
          label={t('schema.mapping.writeTo', { name: source })}
          value={targets.includes(mappedTo) ? mappedTo : ''}
          options={[{ value: '', label: t('schema.mapping.notMapped') }, ...targets.map((n) => ({ value: n, label: n }))]}
          onValue={(target) => set({ mapping: mapSource(options.mapping, source, target || null) })}
          data-testid="schema-map-target"
        />
      ) : null}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => set({ ignore: toggleIgnore(options.ignore, source) })} data-testid="schema-toggle-ignore">
        <Icon name={ignored ? 'refresh' : 'x'} size={14} />
        {ignored ? t('schema.mapping.unignore', { name: source }) : t('schema.mapping.ignore', { name: source })}
      </button>
    </div>
  );
}
