// The side-by-side view: message fields on the left, collection fields on the right, aligned by
// the mapping, with a filter, the extra-fields policy, and the inspector beside the list.
import { useCallback, useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { TopicSample } from '../../../../shared/contract-schema';
import type { CollectionSchema } from '../../../../shared/milvus-schema';
import { ExtraFieldPolicy } from '../../../../shared/pipeline-config';
import { Checkbox, SelectField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { MatchRowItem } from './match-row';
import { filterRows, type MatchView } from './match-view';
import { RowInspector } from './row-inspector';
import './schema-match.css';

/** Arrow keys, Home and End move between rows; Enter or Space pins one (native buttons). */
function moveFocus(e: KeyboardEvent<HTMLUListElement>): void {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.schema-row-main')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
  if (next === undefined || at < 0) return;
  e.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

export function MatchTable({ view, sample, collection }: { view: MatchView; sample: TopicSample; collection: CollectionSchema }) {
  const { t, plural } = useI18n();
  const { schema } = useStores();
  const extraFields = useApp('schema', (s) => s.options.extraFields);
  const filterId = useId();
  const [text, setText] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [pinned, setPinned] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const deferred = useDeferredValue(text);
  const rows = useMemo(() => filterRows(view.rows, deferred, problemsOnly ? 'problems' : 'all'), [view.rows, deferred, problemsOnly]);

  const onSelect = useCallback((key: string) => setPinned((p) => (p === key ? null : key)), []);
  const onPreview = useCallback((key: string | null) => setPreview(key), []);
  const byKey = useMemo(() => new Map(view.rows.map((r) => [r.key, r])), [view.rows]);
  const firstProblem = view.rows.find((r) => r.row.severity === 'error') ?? view.rows.find((r) => r.row.severity === 'warning');
  const shown = (pinned ? byKey.get(pinned) : undefined) ?? (preview ? byKey.get(preview) : undefined) ?? firstProblem ?? view.rows[0] ?? null;

  return (
    <section className="schema-match" aria-labelledby="schema-match-title" data-testid="schema-match">
      <div className="schema-toolbar">
        <h2 className="section-title" id="schema-match-title">
          {t('schema.match.title')} <span className="count">{plural('schema.match.rows', view.rows.length)}</span>
        </h2>
        <div className="schema-filter">
          <label className="visually-hidden" htmlFor={filterId}>
            {t('schema.match.filter')}
          </label>
          <input id={filterId} className="input" type="search" value={text} placeholder={t('schema.match.filter')} onChange={(e) => setText(e.target.value)} data-testid="schema-filter" />
        </div>
        <Checkbox label={t('schema.match.problemsOnly')} checked={problemsOnly} onChange={setProblemsOnly} testId="schema-problems-only" />
        <SelectField
          className="schema-policy"
          label={t('schema.match.extraFields')}
          value={extraFields}
          options={ExtraFieldPolicy.options.map((p) => ({ value: p, label: t(`schema.policy.${p}`) }))}
          onValue={(p) => schema.getState().setOptions({ extraFields: p })}
          data-testid="schema-extra-policy"
        />
      </div>
      <div className="schema-match-body">
        <div className="schema-list-wrap" onMouseLeave={() => setPreview(null)}>
          <div className="schema-list-head" aria-hidden="true">
            <span>{t('schema.match.messageField')}</span>
            <span>{t('schema.match.status')}</span>
            <span>{t('schema.match.collectionField')}</span>
          </div>
          {rows.length ? (
            <ul className="schema-list" aria-label={t('schema.match.title')} aria-describedby="schema-list-keys" onKeyDown={moveFocus} data-testid="schema-rows">
              {rows.map((r) => (
                <MatchRowItem key={r.key} vr={r} selected={pinned === r.key} onSelect={onSelect} onPreview={onPreview} />
              ))}
            </ul>
          ) : (
            <p className="muted schema-list-empty">{t('schema.match.noneShown')}</p>
          )}
          <p className="visually-hidden" id="schema-list-keys">
            {t('schema.match.keys')}
          </p>
        </div>
        <RowInspector vr={shown} pinned={shown !== null && shown.key === pinned} sample={sample} collection={collection} />
      </div>
    </section>
  );
}
