// Milvus / Zilliz Cloud connection form: URI, authentication, database and TLS CA.
import { useId } from 'react';
import { SelectField, TextField } from '../../components/field';
import { PemField } from '../../components/pem-field';
import { useI18n } from '../../i18n/context';
import type { FieldError, MilvusAuth, MilvusForm } from './form-model';
import { CredentialFields } from './credential-fields';
import { SecretField } from './secret-input';

export type MilvusErrors = Partial<Record<'address' | 'token' | 'username' | 'password', FieldError>>;

const AUTH: readonly MilvusAuth[] = ['none', 'token', 'userpass'];

export function MilvusFormView(props: {
  form: MilvusForm;
  onChange: (patch: Partial<MilvusForm>) => void;
  errors: MilvusErrors;
  /** Databases found by the last successful test of this address, if any. */
  databases: string[] | null;
}) {
  const { form, onChange, errors, databases } = props;
  const { t, plural } = useI18n();
  const authName = useId();
  const err = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);
  // After a test: the server's databases (empty value = "default" when the server has no such name).
  const dbOptions = databases ? [...new Set([...(databases.includes('default') ? [] : ['']), ...databases, ...(form.database ? [form.database] : [])])] : null;
  const dbValue = form.database || (databases?.includes('default') ? 'default' : '');

  return (
    <div className="form" data-testid="milvus-form">
      <TextField
        label={t('milvus.address')}
        value={form.address}
        onValue={(address) => onChange({ address })}
        placeholder={t('milvus.address.placeholder')}
        hint={t('milvus.address.hint')}
        error={err(errors.address)}
        mono
        spellCheck={false}
        autoComplete="off"
        data-testid="milvus-address"
      />

      <fieldset className="fieldset">
        <legend>{t('milvus.auth')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('milvus.auth')}>
          {AUTH.map((a) => (
            <label key={a} className={form.auth === a ? 'segment active' : 'segment'}>
              <input type="radio" name={authName} value={a} checked={form.auth === a} onChange={() => onChange({ auth: a })} data-testid={`milvus-auth-${a}`} />
              <span>{t(`milvus.auth.${a}`)}</span>
            </label>
          ))}
        </div>
        {form.auth === 'token' ? (
          <SecretField
            label={t('milvus.token')}
            value={form.token}
            onValue={(token) => onChange({ token })}
            error={err(errors.token)}
            hint={t('milvus.token.hint')}
            testId="milvus-token"
          />
        ) : null}
        {form.auth === 'userpass' ? (
          <div className="form-row">
            <CredentialFields username={form.username} password={form.password} onChange={onChange} errors={errors} testIdPrefix="milvus" />
          </div>
        ) : null}
      </fieldset>

      <div className="form-row">
        {dbOptions ? (
          <SelectField
            label={t('milvus.database')}
            value={dbValue}
            options={dbOptions.map((d) => ({ value: d, label: d || t('milvus.database.default') }))}
            onValue={(database) => onChange({ database })}
            hint={plural('milvus.databasesFound', databases?.length ?? 0)}
            data-testid="milvus-database"
          />
        ) : (
          <TextField
            label={t('milvus.database')}
            value={form.database}
            onValue={(database) => onChange({ database })}
            placeholder="default"
            hint={t('milvus.database.hint')}
            spellCheck={false}
            data-testid="milvus-database"
          />
        )}
        <PemField label={t('milvus.ca')} value={form.ca} onChange={(ca) => onChange({ ca })} testId="milvus-ca" hint={t('milvus.ca.hint')} />
      </div>
    </div>
  );
}
