// Edit one saved profile: name, form, test (with the profile id, so main fills masked secrets), save.
import { useEffect, useState } from 'react';
import type { ProfileView } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/errors';
import { EmptyState } from '../../components/empty-state';
import { TextField } from '../../components/field';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { KafkaEditor, MilvusEditor } from './editors';
import { ErrorPanel } from './error-panel';
import { kafkaConnectionToForm, kafkaFormToConnection, milvusConnectionToForm, milvusFormToConnection, type KafkaForm, type MilvusForm } from './form-model';

export function ProfileEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const profile = useApp('connections', (s) => s.profiles.find((p) => p.id === id));
  const loaded = useApp('connections', (s) => s.loaded);
  const { router } = useStores();
  if (!profile) {
    return (
      <Page title={t('editor.title')} testId="page-profile-editor" narrow>
        {loaded ? (
          <EmptyState icon="plug" title={t('editor.notFound.title')} body={t('editor.notFound.body')}>
            <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'connections', view: 'list' })}>
              {t('editor.back')}
            </button>
          </EmptyState>
        ) : null}
      </Page>
    );
  }
  // Keyed by id and version so a save elsewhere (or another profile) starts a fresh form.
  return <Editor key={`${profile.id}:${profile.updatedAt}`} profile={profile} />;
}

function Editor({ profile }: { profile: ProfileView }) {
  const { t } = useI18n();
  const { connections, router, toasts } = useStores();
  const [name, setName] = useState(profile.name);
  const [kafka, setKafka] = useState<KafkaForm | null>(profile.kind === 'kafka' ? kafkaConnectionToForm(profile.kafka) : null);
  const [milvus, setMilvus] = useState<MilvusForm | null>(profile.kind === 'milvus' ? milvusConnectionToForm(profile.milvus) : null);
  const [showErrors, setShowErrors] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const back = () => router.getState().navigate({ page: 'connections', view: 'list' });

  useEffect(() => {
    const reset = () => connections.getState().resetTests();
    reset();
    return reset;
  }, [connections]);

  async function save() {
    const trimmed = name.trim();
    setShowErrors(true);
    if (!trimmed) return;
    let r;
    if (kafka) {
      const c = kafkaFormToConnection(kafka);
      if (!c.ok) return;
      setSaving(true);
      r = await connections.getState().save({ id: profile.id, name: trimmed, kind: 'kafka', kafka: c.value });
    } else if (milvus) {
      const c = milvusFormToConnection(milvus);
      if (!c.ok) return;
      setSaving(true);
      r = await connections.getState().save({ id: profile.id, name: trimmed, kind: 'milvus', milvus: c.value });
    } else return;
    setSaving(false);
    if (!r.ok) return setError(r.error);
    toasts.getState().push(t('editor.saved', { name: trimmed }));
    back();
  }

  return (
    <Page title={t(`editor.title.${profile.kind}`)} description={t('editor.description')} testId="page-profile-editor" narrow>
      <section className="card">
        <TextField
          label={t('review.name')}
          value={name}
          onValue={setName}
          error={showErrors && !name.trim() ? t('form.required') : undefined}
          maxLength={120}
          data-testid="profile-name-input"
        />
        {kafka ? (
          <KafkaEditor form={kafka} onChange={(p) => setKafka({ ...kafka, ...p })} profileId={profile.id} showErrors={showErrors} onShowErrors={() => setShowErrors(true)} />
        ) : null}
        {milvus ? (
          <MilvusEditor form={milvus} onChange={(p) => setMilvus({ ...milvus, ...p })} profileId={profile.id} showErrors={showErrors} onShowErrors={() => setShowErrors(true)} />
        ) : null}
      </section>
      {error ? <ErrorPanel error={error} testId="editor-error" /> : null}
      <footer className="wizard-footer">
        <span />
        <div className="wizard-footer-right">
          <button type="button" className="btn btn-ghost" onClick={back}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={saving} data-testid="profile-save">
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </footer>
    </Page>
  );
}
