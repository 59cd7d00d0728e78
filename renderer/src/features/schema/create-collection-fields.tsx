// The field table of the "create collection" form: name, type, size (dimension, length, capacity),
// primary key, autoID, nullable, and each vector's index type and metric. Every control is labelled
// with its column and field, and shows its own issue.
import { useId, type ReactNode } from 'react';
import { ALL_TYPES, ELEMENT_TYPES, INDEX_CHOICES, vectorFamily, type IndexType, type MetricType, type NewField } from '../../../../shared/contract-schema';
import { isVectorType, type ArrayElementType, type MilvusDataType } from '../../../../shared/milvus-schema';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { ISSUE_PARAMS, removeField, replaceField, retype, setPrimaryKey, updateField, type CollectionDraft, type DraftIssues } from './collection-draft';

interface Props {
  draft: CollectionDraft;
  issues: DraftIssues;
  shown: boolean;
  onChange: (d: CollectionDraft) => void;
}

const intOrUndefined = (v: string): number | undefined => (v.trim() === '' || !/^\d+$/.test(v.trim()) ? undefined : Number(v));

export function CollectionFields({ draft, issues, shown, onChange }: Props) {
  const { t } = useI18n();
  const pkName = useId();
  return (
    <div className="schema-create-table-wrap">
      <table className="schema-create-table" data-testid="schema-create-fields">
        <thead>
          <tr>
            <th scope="col">{t('schema.create.col.name')}</th>
            <th scope="col">{t('schema.create.col.type')}</th>
            <th scope="col">{t('schema.create.col.size')}</th>
            <th scope="col" title={t('schema.create.col.pk')}>
              {t('schema.create.col.key')}
            </th>
            <th scope="col">{t('schema.create.col.autoId')}</th>
            <th scope="col">{t('schema.create.col.nullable')}</th>
            <th scope="col">{t('schema.create.col.index')}</th>
            <th scope="col">{t('schema.create.col.metric')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('schema.create.col.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.fields.map((f, i) => (
            <FieldRow key={i} f={f} i={i} pkName={pkName} {...{ draft, issues, shown, onChange }} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FieldRow({ f, i, pkName, draft, issues, shown, onChange }: Props & { f: NewField; i: number; pkName: string }) {
  const { t } = useI18n();
  const id = useId();
  const label = (column: Parameters<typeof t>[0]) => t('schema.create.aria', { column: t(column), field: f.name || String(i + 1) });
  const issue = (key: string) => (shown ? issues[`fields.${i}.${key}`] : undefined);
  const patch = (p: Partial<NewField>) => onChange(updateField(draft, i, p));
  const vector = isVectorType(f.dataType);
  const keyable = f.dataType === 'Int64' || f.dataType === 'VarChar';

  /** A control's issue, as text under it tied by aria-describedby. */
  const err = (k: string) => {
    const code = issue(k);
    return code ? (
      <span className="field-error" id={`${id}-${k}`}>
        {t(`schema.issue.${code}`, ISSUE_PARAMS)}
      </span>
    ) : null;
  };
  const a11y = (k: string) => (issue(k) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${k}` } : {});
  const num = (k: 'dim' | 'maxLength' | 'maxCapacity', column: Parameters<typeof t>[0]) => (
    <input
      className="input mono schema-num"
      inputMode="numeric"
      value={f[k] === undefined ? '' : String(f[k])}
      aria-label={label(column)}
      onChange={(e) => patch({ [k]: intOrUndefined(e.target.value) })}
      data-testid={`schema-field-${k}-${i}`}
      {...a11y(k)}
    />
  );

  return (
    <tr data-testid="schema-create-field" data-field={f.name}>
      <td>
        <input className="input mono" value={f.name} aria-label={label('schema.create.col.name')} onChange={(e) => patch({ name: e.target.value })} spellCheck={false} data-testid={`schema-field-name-${i}`} {...a11y('name')} />
        {err('name')}
      </td>
      <td>
        <select className="select" value={f.dataType} aria-label={label('schema.create.col.type')} onChange={(e) => onChange(replaceField(draft, i, retype(f, e.target.value as MilvusDataType)))} {...a11y('dataType')}>
          {ALL_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {ty}
            </option>
          ))}
        </select>
        {err('dataType')}
      </td>
      <td className="schema-size">
        {vector && f.dataType !== 'SparseFloatVector' ? num('dim', 'schema.create.dim') : null}
        {f.dataType === 'VarChar' ? num('maxLength', 'schema.create.maxLength') : null}
        {f.dataType === 'Array' ? (
          <>
            <select className="select" value={f.elementType ?? 'VarChar'} aria-label={label('schema.create.elementType')} onChange={(e) => patch({ elementType: e.target.value as ArrayElementType })}>
              {ELEMENT_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {ty}
                </option>
              ))}
            </select>
            {num('maxCapacity', 'schema.create.capacity')}
            {f.elementType === 'VarChar' ? num('maxLength', 'schema.create.maxLength') : null}
          </>
        ) : null}
        {!vector && f.dataType !== 'VarChar' && f.dataType !== 'Array' ? <span className="muted">—</span> : null}
        {f.dataType === 'SparseFloatVector' ? <span className="muted small">{t('schema.create.sparse')}</span> : null}
        {err('dim')}
        {err('maxLength')}
        {err('maxCapacity')}
        {err('elementType')}
      </td>
      <td className="schema-center">
        <input type="radio" name={pkName} checked={f.isPrimaryKey === true} disabled={!keyable} aria-label={label('schema.create.col.pk')} onChange={() => onChange(setPrimaryKey(draft, i))} />
        {err('isPrimaryKey')}
      </td>
      <td className="schema-center">
        <input type="checkbox" checked={f.autoID === true} disabled={!f.isPrimaryKey || f.dataType !== 'Int64'} aria-label={label('schema.create.col.autoId')} onChange={(e) => patch({ autoID: e.target.checked })} />
      </td>
      <td className="schema-center">
        <input type="checkbox" checked={f.nullable === true} disabled={f.isPrimaryKey === true || vector} aria-label={label('schema.create.col.nullable')} onChange={(e) => patch({ nullable: e.target.checked })} {...a11y('nullable')} />
      </td>
      {vector && f.index ? (
        <IndexCells f={f} label={label} onPatch={patch} error={err('index')} />
      ) : (
        <>
          <td>
            <span className="muted">—</span>
          </td>
          <td>
            <span className="muted">—</span>
          </td>
        </>
      )}
      <td>
        <button type="button" className="icon-btn danger" aria-label={t('schema.create.removeField', { name: f.name })} title={t('schema.create.col.remove')} onClick={() => onChange(removeField(draft, i))}>
          <Icon name="trash" size={15} />
        </button>
      </td>
    </tr>
  );
}

function IndexCells({ f, label, onPatch, error }: { f: NewField; label: (k: Parameters<ReturnType<typeof useI18n>['t']>[0]) => string; onPatch: (p: Partial<NewField>) => void; error: ReactNode }) {
  if (!isVectorType(f.dataType) || !f.index) return null;
  const choices = INDEX_CHOICES[vectorFamily(f.dataType)];
  const index = f.index;
  return (
    <>
      <td>
        <select className="select" value={index.indexType} aria-label={label('schema.create.indexType')} onChange={(e) => onPatch({ index: { ...index, indexType: e.target.value as IndexType } })} data-testid="schema-field-index">
          {choices.indexTypes.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        {error}
      </td>
      <td>
        <select className="select" value={index.metricType} aria-label={label('schema.create.metric')} onChange={(e) => onPatch({ index: { ...index, metricType: e.target.value as MetricType } })} data-testid="schema-field-metric">
          {choices.metrics.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </td>
    </>
  );
}
