// Saved templates: load one into the editor, delete it, or save the current message under a name.
import { useState } from 'react';
import { TextField } from '../../components/field';
import { Icon } from '../../components/icons';
import { Modal, ModalFooter } from '../../components/modal';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ProblemPanel } from './problem-panel';
import type { AppError } from '../../../../shared/errors';

export function TemplatesMenu() {
  const { t } = useI18n();
  const { producer, toasts } = useStores();
  const saved = useApp('producer', (s) => s.saved);
  const collection = useApp('producer', (s) => s.target.collection);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState('');
  const mine = [...saved].sort((a, b) => Number(b.collection === collection) - Number(a.collection === collection));
  const current = saved.find((x) => x.id === chosen);

  async function save() {
    setBusy(true);
    const r = await producer.getState().saveTemplate(name.trim());
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setOpen(false);
    setChosen(r.value.id);
    toasts.getState().push(t('producer.message.saved', { name: r.value.name }));
  }

  return (
    <div className="templates-menu">
      {saved.length > 0 ? (
        <>
          <label className="visually-hidden" htmlFor="producer-saved">
            {t('producer.message.templates')}
          </label>
          <select
            id="producer-saved"
            className="select select-sm"
            value={chosen}
            data-testid="producer-saved"
            onChange={(e) => {
              const tpl = saved.find((x) => x.id === e.target.value);
              setChosen(e.target.value);
              if (tpl) {
                producer.getState().applyTemplate(tpl);
                toasts.getState().push(t('producer.message.loaded', { name: tpl.name }), 'info');
              }
            }}
          >
            <option value="">{t('producer.message.templates')}</option>
            {mine.map((x) => (
              <option key={x.id} value={x.id}>
                {x.collection && x.collection !== collection ? `${x.name} (${x.collection})` : x.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {current ? (
        <button
          type="button"
          className="icon-btn danger"
          aria-label={t('producer.message.delete', { name: current.name })}
          title={t('producer.message.delete', { name: current.name })}
          onClick={async () => {
            const r = await producer.getState().deleteTemplate(current.id);
            if (r.ok) {
              setChosen('');
              toasts.getState().push(t('producer.message.deleted'), 'info');
            }
          }}
        >
          <Icon name="trash" size={15} />
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        data-testid="producer-save-template"
        onClick={() => {
          setName(current?.name ?? '');
          setError(null);
          setOpen(true);
        }}
      >
        <Icon name="download" size={14} />
        {t('producer.message.save')}
      </button>
      <Modal
        open={open}
        title={t('producer.message.save.title')}
        onClose={() => setOpen(false)}
        testId="producer-save-dialog"
        footer={
          <ModalFooter
            cancelLabel={t('common.cancel')}
            onCancel={() => setOpen(false)}
            action={{ label: busy ? t('common.saving') : t('common.save'), testId: 'producer-save-confirm', busy, disabled: name.trim() === '', onClick: () => void save() }}
          />
        }
      >
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <TextField label={t('producer.message.save.name')} value={name} onValue={setName} hint={t('producer.message.save.hint')} maxLength={120} data-testid="producer-save-name" />
          {error ? <ProblemPanel error={error} /> : null}
        </form>
      </Modal>
    </div>
  );
}
