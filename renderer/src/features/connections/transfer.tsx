// Export (JSON download, secrets optional) and import (file → profiles.import) of profiles.
import { useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import { Checkbox } from '../../components/field';
import { downloadText, readFileAsText } from '../../components/dom';
import { Icon } from '../../components/icons';
import { Modal, ModalFooter } from '../../components/modal';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';

export function ExportDialog({ open, onClose, onError }: { open: boolean; onClose: () => void; onError: (e: AppError) => void }) {
  const { t, plural } = useI18n();
  const { connections, toasts } = useStores();
  const count = useApp('connections', (s) => s.profiles.length);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [busy, setBusy] = useState(false);

  async function doExport() {
    setBusy(true);
    const r = await connections.getState().exportProfiles(includeSecrets);
    setBusy(false);
    onClose();
    if (!r.ok) return onError(r.error);
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`kafka-milvus-connections-${day}.json`, r.value);
    toasts.getState().push(plural('transfer.exported', count));
  }

  return (
    <Modal
      open={open}
      title={t('transfer.export.title')}
      onClose={onClose}
      testId="export-dialog"
      footer={
        <ModalFooter cancelLabel={t('common.cancel')} onCancel={onClose} action={{ label: t('transfer.export.button'), testId: 'export-confirm', icon: 'download', busy, onClick: () => void doExport() }} />
      }
    >
      <p>{plural('transfer.export.body', count)}</p>
      <Checkbox label={t('transfer.includeSecrets')} checked={includeSecrets} onChange={setIncludeSecrets} testId="export-include-secrets" />
      {includeSecrets ? (
        <p className="callout tone-warn" role="note">
          <Icon name="alert" size={15} />
          <span>{t('transfer.includeSecrets.warning')}</span>
        </p>
      ) : (
        <p className="muted small">{t('transfer.withoutSecrets')}</p>
      )}
    </Modal>
  );
}

export function ImportButton({ onError }: { onError: (e: AppError) => void }) {
  const { t, plural } = useI18n();
  const { connections, toasts } = useStores();

  async function onFile(file: File | undefined) {
    if (!file) return;
    const text = await readFileAsText(file);
    const r = await connections.getState().importProfiles(text);
    if (!r.ok) return onError(r.error);
    toasts.getState().push(plural('transfer.imported', r.value.length));
  }

  return (
    <label className="btn btn-secondary file-btn" data-testid="import-button">
      <input
        type="file"
        accept=".json,application/json"
        className="file-input"
        data-testid="import-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Icon name="upload" size={15} />
      {t('transfer.import')}
    </label>
  );
}
