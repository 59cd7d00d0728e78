// One aligned row: message field (left), status (middle), collection field (right), and for rows
// that need attention the sentence under them. Memoized on what it shows, so a mapping edit
// re-renders only the rows whose outcome changed.
import { memo } from 'react';
import type { MatchRow } from '../../../../shared/schema';
import { Chip } from '../../components/chip';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { rowExplanation } from './explain-text';
import { statusLook, type ViewRow } from './match-view';

export function StatusChip({ row }: { row: MatchRow }) {
  const { t } = useI18n();
  const look = statusLook(row.status, row.severity);
  return (
    <Chip tone={look.tone} icon={look.icon} testId="schema-status">
      {t(`schema.status.${row.status}`)}
    </Chip>
  );
}

interface RowProps {
  vr: ViewRow;
  selected: boolean;
  onSelect: (key: string) => void;
  onPreview: (key: string | null) => void;
}

function SourceCell({ row }: { row: MatchRow }) {
  const { t } = useI18n();
  const path = row.source.join(', ');
  return (
    <span className={row.present === 0 ? 'schema-cell schema-source absent' : 'schema-cell schema-source'}>
      <span className="schema-name mono" title={path}>
        {path}
      </span>
      {row.present === 0 ? <span className="schema-type">{t('schema.row.notInMessages')}</span> : row.sourceType ? <span className="schema-type mono">{row.sourceType}</span> : null}
    </span>
  );
}

function TargetCell({ vr }: { vr: ViewRow }) {
  const { t } = useI18n();
  const { row } = vr;
  if (vr.kind === 'extra') {
    const where = row.status === 'extra_dynamic' ? (row.target === '$meta' ? t('schema.row.dynamic') : t('schema.row.dynamicAs', { name: row.target ?? '' })) : null;
    return (
      <span className="schema-cell schema-target absent">
        {where ? <span className="schema-name mono">$meta</span> : <span className="schema-name">—</span>}
        <span className="schema-type">{where ?? t('schema.row.notWritten')}</span>
      </span>
    );
  }
  return (
    <span className="schema-cell schema-target">
      <span className="schema-name mono" title={row.target}>
        {row.target}
      </span>
      <span className="schema-type mono">{row.targetType}</span>
    </span>
  );
}

function RowItem({ vr, selected, onSelect, onPreview }: RowProps) {
  const i18n = useI18n();
  const { row } = vr;
  return (
    <li
      className={`schema-row sev-${row.severity}${selected ? ' selected' : ''}`}
      data-testid="schema-row"
      data-target={vr.kind === 'field' ? row.target : undefined}
      data-source={row.source.join(',')}
      data-status={row.status}
      data-severity={row.severity}
      onMouseEnter={() => onPreview(vr.key)}
    >
      <button type="button" className="schema-row-main" aria-pressed={selected} aria-controls="schema-inspector" onClick={() => onSelect(vr.key)} onFocus={() => onPreview(vr.key)}>
        <SourceCell row={row} />
        <span className="schema-cell schema-status-cell">
          <Icon name="arrowRight" size={13} className="schema-arrow" />
          <StatusChip row={row} />
        </span>
        <TargetCell vr={vr} />
        {row.severity !== 'ok' || selected ? (
          <span className="schema-row-sentence" data-testid="schema-row-sentence">
            {rowExplanation(row, i18n, i18n.fmt)}
          </span>
        ) : null}
      </button>
    </li>
  );
}

const same = (a: RowProps, b: RowProps): boolean => {
  const x = a.vr.row;
  const y = b.vr.row;
  return (
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.onPreview === b.onPreview &&
    a.vr.key === b.vr.key &&
    x.status === y.status &&
    x.severity === y.severity &&
    x.explanation.text === y.explanation.text &&
    x.sourceType === y.sourceType &&
    x.targetType === y.targetType &&
    x.target === y.target &&
    x.present === y.present &&
    x.source.join() === y.source.join()
  );
};

export const MatchRowItem = memo(RowItem, same);
