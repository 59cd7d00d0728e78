// PEM file picker: reads the chosen file as text in the page (main never sees a path) and shows
// the file name with a "PEM loaded" chip. A stored PEM that arrived masked shows as "stored".
import { useId, useState } from 'react';
import { looksLikePem, type PemFile } from '../features/connections/form-model';
import { useI18n } from '../i18n/context';
import { Chip } from './chip';
import { readFileAsText } from './dom';
import { Icon } from './icons';


export function PemField(props: { label: string; value: PemFile | undefined; onChange: (v: PemFile | undefined) => void; testId: string; hint?: string }) {
  const { t } = useI18n();
  const id = useId();
  const [readError, setReadError] = useState(false);
  const v = props.value;
  const pickId = `${id}-pick`;

  async function onFile(file: File | undefined) {
    if (!file) return;
    try {
      const text = await readFileAsText(file);
      setReadError(false);
      props.onChange({ name: file.name, text });
    } catch {
      setReadError(true);
    }
  }

  return (
    <div className="field" data-testid={props.testId}>
      <span className="field-label" id={id}>
        {props.label}
      </span>
      <div className="pem-row">
        <label className="btn btn-secondary btn-sm file-btn">
          <input
            type="file"
            accept=".pem,.crt,.key"
            className="file-input"
            aria-labelledby={`${id} ${pickId}`}
            data-testid={`${props.testId}-input`}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Icon name="upload" size={14} />
          <span id={pickId}>{v ? t('file.replace') : t('file.choose')}</span>
        </label>
        {v ? (
          <>
            <span className="file-name mono" title={v.name}>
              {v.name || t('file.stored')}
            </span>
            {looksLikePem(v.text) ? (
              <Chip tone="ok" icon="lock" testId={`${props.testId}-loaded`}>
                {t('file.pemLoaded')}
              </Chip>
            ) : (
              <Chip tone="warn">{t('file.notPem')}</Chip>
            )}
            <button type="button" className="icon-btn" aria-label={t('file.remove', { label: props.label })} title={t('file.removeShort')} onClick={() => props.onChange(undefined)}>
              <Icon name="x" size={14} />
            </button>
          </>
        ) : (
          <span className="muted">{t('file.none')}</span>
        )}
      </div>
      {readError ? <p className="field-error">{t('file.readError')}</p> : null}
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
    </div>
  );
}
