// "Create collection from this topic": the suggestion from the sample, editable (names, types, key,
// autoID, lengths, vector index and metric, dynamic field, partition key), checked with the same
// rules as main, then created, indexed and loaded in one step.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TopicSample } from '../../../../shared/contract-schema';
import type { AppError } from '../../../../shared/errors';
import { Checkbox, SelectField, TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { addField, ISSUE_PARAMS, collectionNameFor, draftFromSample, draftIssues, partitionKeyCandidates, setPartitionKey, type CollectionDraft } from './collection-draft';
import { CollectionFields } from './create-collection-fields';
import './schema-create.css';

function freeName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

export function CreateCollection({ sample, onClose }: { sample: TopicSample; onClose: (created: boolean) => void }) {
  const { t, plural } = useI18n();
  const stores = useStores();
  const listed = useApp('schema', (s) => s.collections);
  const [draft, setDraft] = useState<CollectionDraft>(() => {
    const taken = listed.status === 'ok' ? listed.value.map((c) => c.name) : [];
    return draftFromSample(sample.inferred, freeName(collectionNameFor(sample.topic), taken));
  });
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const issues = useMemo(() => draftIssues(draft), [draft]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Keyboard users land on the form they just opened.
  useEffect(() => headingRef.current?.focus(), []);

  async function submit() {
    setShown(true);
    if (Object.keys(issues).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    setError(null);
    const r = await stores.schema.getState().createCollection(draft);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    stores.toasts.getState().push(t('schema.create.done', { name: r.value.name }));
    onClose(true);
  }

  const partitionKey = draft.fields.find((f) => f.isPartitionKey)?.name ?? '';
  const formIssue = shown ? issues.fields : undefined;
  return (
    <section className="card schema-create" aria-labelledby="schema-create-title" data-testid="schema-create">
      <header className="schema-create-head">
        <div>
          <h2 className="section-title" id="schema-create-title" tabIndex={-1} ref={headingRef}>
            <Icon name="milvus" size={16} />
            {t('schema.create.title', { topic: sample.topic })}
          </h2>
          <p className="muted small">{plural('schema.create.body', sample.messages.length)}</p>
        </div>
        <button type="button" className="icon-btn" aria-label={t('common.cancel')} title={t('common.cancel')} onClick={() => onClose(false)}>
          <Icon name="x" />
        </button>
      </header>
      <form
        ref={formRef}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-row three">
          <TextField
            label={t('schema.create.name')}
            value={draft.name}
            onValue={(name) => setDraft({ ...draft, name })}
            error={shown && issues.name ? t(`schema.issue.${issues.name}`, ISSUE_PARAMS) : undefined}
            mono
            spellCheck={false}
            data-testid="schema-create-name"
          />
          <SelectField
            label={t('schema.create.partitionKey')}
            value={partitionKey}
            options={[{ value: '', label: t('schema.create.partitionKey.none') }, ...partitionKeyCandidates(draft).map((n) => ({ value: n, label: n }))]}
            onValue={(n) => setDraft(setPartitionKey(draft, n || null))}
            hint={t('schema.create.partitionKey.hint')}
          />
          <div className="field schema-dynamic">
            <span className="field-label">{t('schema.create.dynamic')}</span>
            <Checkbox label={t('schema.create.dynamic.label')} checked={draft.enableDynamicField} onChange={(enableDynamicField) => setDraft({ ...draft, enableDynamicField })} testId="schema-create-dynamic" />
            <p className="field-hint">{t('schema.create.dynamic.hint')}</p>
          </div>
        </div>
        <CollectionFields draft={draft} issues={issues} shown={shown} onChange={setDraft} />
        {formIssue ? (
          <p className="field-error" role="alert">
            {t(`schema.issue.${formIssue}`, ISSUE_PARAMS)}
          </p>
        ) : null}
        <div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDraft(addField(draft))} data-testid="schema-create-add">
            <Icon name="plus" size={14} />
            {t('schema.create.addField')}
          </button>
        </div>
        {error ? <ErrorPanel error={error} testId="schema-create-error" /> : null}
        <div className="schema-create-actions">
          <p className="muted small">{t('schema.create.what')}</p>
          <button type="button" className="btn btn-secondary" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="schema-create-submit">
            {busy ? <Spinner size={14} /> : <Icon name="check" size={14} />}
            {busy ? t('schema.create.creating') : t('schema.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
