// Vector search on the target collection: the sent row's vector (or a pasted one), top-k and an
// optional filter; results ranked with their scores and fields.
import { useId } from 'react';
import { isVectorType } from '../../../../shared/milvus-schema';
import { Field, TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { parseVector } from './message-text';
import { ProblemPanel } from './problem-panel';
import { fieldText } from './row-table';

const DENSE = new Set(['FloatVector', 'Float16Vector', 'BFloat16Vector']);

export function SearchCard() {
  const { t, fmt, plural } = useI18n();
  const { producer } = useStores();
  const resultsId = useId();
  const search = useApp('producer', (s) => s.search);
  const collection = useApp('producer', (s) => s.target.collection);
  const template = useApp('producer', (s) => s.template);
  const verify = useApp('producer', (s) => s.verify);
  const schema = template.status === 'ok' ? template.value.schema : undefined;
  const field = schema?.fields.find((f) => DENSE.has(f.dataType));
  const vector = parseVector(search.vectorText);
  const dimOff = vector && field?.dim !== undefined && vector.length !== field.dim;
  const vectorError = search.vectorText.trim() && !vector ? t('producer.search.vector.invalid') : dimOff && field ? t('producer.search.vector.dim', { count: vector.length, field: field.name, dim: field.dim ?? 0 }) : undefined;
  const rowVector = verify?.kind === 'written' && field ? verify.row[field.name] : undefined;
  const canRun = Boolean(collection && vector && !dimOff && search.status !== 'running');
  const set = producer.getState().setSearch;
  const run = () => void producer.getState().runSearch();
  const pk = schema?.fields.find((f) => f.isPrimaryKey)?.name;
  const isVector = (k: string) => schema?.fields.some((f) => f.name === k && isVectorType(f.dataType)) ?? false;
  const keys = search.result?.hits[0] ? Object.keys(search.result.hits[0].fields).filter((k) => !isVector(k)) : [];
  const columns = pk && keys.includes(pk) ? [pk, ...keys.filter((k) => k !== pk)] : keys;
  const distance = search.result?.metric === 'L2';

  return (
    <section className="card producer-search" id="producer-search" aria-labelledby="producer-search-title" data-testid="producer-search">
      <div className="card-head">
        <div>
          <h2 className="section-title" id="producer-search-title">
            {t('producer.search.title')}
          </h2>
          <p className="muted small">{collection ? t('producer.search.description', { collection }) : t('producer.search.needCollection')}</p>
        </div>
        {Array.isArray(rowVector) ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => set({ vectorText: (rowVector as number[]).join(', ') })} data-testid="search-use-row">
            {t('producer.search.useRow')}
          </button>
        ) : null}
      </div>
      <form
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canRun) run();
        }}
      >
        <Field label={t('producer.search.vector')} hint={t('producer.search.vector.hint')} error={vectorError} className="search-vector">
          {({ id, describedBy, invalid }) => (
            <textarea id={id} className="input mono search-vector-text" rows={2} value={search.vectorText} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => set({ vectorText: e.target.value })} data-testid="search-vector" />
          )}
        </Field>
        <div className="search-row">
          <TextField className="search-filter" label={t('producer.search.filter')} value={search.filter} onValue={(v) => set({ filter: v })} placeholder={t('producer.search.filter.placeholder')} mono data-testid="search-filter" />
          <TextField className="search-topk" label={t('producer.search.topK')} type="number" min={1} max={100} value={String(search.topK)} onValue={(v) => set({ topK: Math.min(100, Math.max(1, Math.round(Number(v) || 5))) })} data-testid="search-topk" />
          <button type="submit" className="btn btn-primary search-run" disabled={!canRun} data-testid="search-run" aria-controls={resultsId}>
            <Icon name="zap" size={15} />
            {search.status === 'running' ? t('producer.search.running') : t('producer.search.run')}
          </button>
        </div>
      </form>
      {search.status === 'error' && search.error ? <ProblemPanel error={search.error} testId="search-error" /> : null}
      <div id={resultsId} aria-live="polite">
        {search.status === 'ok' && search.result ? (
          <div className="search-results" data-testid="search-results">
            <p className="muted small">
              {plural('producer.search.results', search.result.hits.length, { took: fmt.duration(search.result.tookMs) })}
              {search.result.metric ? ` · ${t('producer.search.metric', { metric: search.result.metric })}` : ''}
            </p>
            {search.result.hits.length === 0 ? (
              <p className="muted">{t('producer.search.none')}</p>
            ) : (
              <div className="table-scroll">
                <table className="results-table">
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{distance ? t('producer.search.distance') : t('producer.search.score')}</th>
                      {columns.map((c) => (
                        <th scope="col" key={c} className="mono">
                          {c}
                        </th>
                      ))}
                      <th scope="col">
                        <span className="visually-hidden">{t('producer.search.useAsQuery')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {search.result.hits.map((h, i) => {
                      const v = field ? h.fields[field.name] : undefined;
                      return (
                        <tr key={`${String(h.id)}-${i}`} data-testid="search-hit" data-id={String(h.id)}>
                          <td className="rank">{i + 1}</td>
                          <td className="mono score">{h.score.toFixed(4)}</td>
                          {columns.map((c) => (
                            <td key={c} className={typeof h.fields[c] === 'string' ? 'cell' : 'cell mono'}>
                              {fieldText(h.fields[c])}
                            </td>
                          ))}
                          <td>
                            {Array.isArray(v) ? (
                              <button type="button" className="icon-btn" title={t('producer.search.useAsQuery')} aria-label={t('producer.search.useAsQuery')} onClick={() => {
                                set({ vectorText: (v as number[]).join(', ') });
                                run();
                              }}>
                                <Icon name="refresh" size={14} />
                              </button>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
