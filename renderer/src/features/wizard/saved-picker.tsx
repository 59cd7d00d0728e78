// "Start from a saved connection": loads a profile into the wizard step.
import type { ProfileView } from '../../../../shared/domain';
import { SelectField } from '../../components/field';
import { useI18n } from '../../i18n/context';
import { useApp } from '../../stores/context';

export function SavedPicker({ kind, selectedId, onPick }: { kind: 'kafka' | 'milvus'; selectedId: string | undefined; onPick: (p: ProfileView) => void }) {
  const { t } = useI18n();
  const profiles = useApp('connections', (s) => s.profiles);
  const mine = profiles.filter((p) => p.kind === kind);
  if (mine.length === 0) return null;
  return (
    <SelectField
      className="saved-picker"
      label={t('wizard.pickSaved')}
      value={selectedId ?? ''}
      options={[{ value: '', label: t('wizard.pickSaved.none') }, ...mine.map((p) => ({ value: p.id, label: p.name }))]}
      onValue={(id) => {
        const p = mine.find((x) => x.id === id);
        if (p) onPick(p);
      }}
      data-testid={`${kind}-saved-picker`}
    />
  );
}
