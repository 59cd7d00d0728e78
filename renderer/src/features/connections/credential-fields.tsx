// A user name and password pair, as both connection forms ask for it (SASL for Kafka, user and
// password for Milvus): the browser's password manager sees a username/password pair.
import { TextField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import type { FieldError } from './form-model';
import { SecretField } from './secret-input';

export function CredentialFields(props: {
  username: string;
  password: string;
  onChange: (patch: { username?: string; password?: string }) => void;
  errors: { username?: FieldError | undefined; password?: FieldError | undefined };
  /** Test ids become `<prefix>-username` and `<prefix>-password`. */
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  const err = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined);
  return (
    <>
      <TextField
        label={t('form.username')}
        value={props.username}
        onValue={(username) => props.onChange({ username })}
        error={err(props.errors.username)}
        autoComplete="username"
        spellCheck={false}
        data-testid={`${props.testIdPrefix}-username`}
      />
      <SecretField label={t('form.password')} value={props.password} onValue={(password) => props.onChange({ password })} error={err(props.errors.password)} testId={`${props.testIdPrefix}-password`} />
    </>
  );
}
