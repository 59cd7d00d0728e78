// Password/token input that shows a stored secret as the mask; sending the mask back keeps it.
import { SECRET_MASK } from '../../../../shared/domain';
import { TextField } from '../../components/field';
import { useI18n } from '../../i18n/context';

export function SecretField(props: { label: string; value: string; onValue: (v: string) => void; error?: string; hint?: string; testId: string; autoComplete?: string }) {
  const { t } = useI18n();
  const masked = props.value === SECRET_MASK;
  return (
    <TextField
      label={props.label}
      type="password"
      value={props.value}
      onValue={props.onValue}
      error={props.error}
      data-testid={props.testId}
      autoComplete={props.autoComplete ?? 'new-password'}
      spellCheck={false}
      hint={masked ? t('form.secretKept') : props.hint}
      // Typing over a stored secret replaces it entirely.
      onFocus={(e) => masked && e.currentTarget.select()}
    />
  );
}
