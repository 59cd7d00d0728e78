// What live validation found: valid (and how the row will be found), or each problem with its field
// and reason, plus fields the pipeline would not store.
import type { ProducerTemplate } from '../../../../shared/contract-producer';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { conversionDetail } from '../../i18n/conversion-text';
import { reasonLabel } from '../../i18n/log-line';
import type { Issue, Validation } from './validate';

function IssueLine({ issue }: { issue: Issue }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  if (issue.kind === 'size') return <li>{t('producer.issue.size', { size: fmt.bytes(issue.bytes) })}</li>;
  if (issue.kind === 'json') {
    return (
      <li>
        <span className="issue-head">{issue.line !== undefined ? t('producer.issue.jsonAt', { line: issue.line, column: issue.column ?? 0 }) : t('producer.issue.json')}</span>
        <span className="issue-reason">{conversionDetail(issue, i18n, fmt)}</span>
      </li>
    );
  }
  const e = issue.error;
  return (
    <li data-field={e.field}>
      {e.field ? <code className="issue-field">{e.field}</code> : null}
      <span className="issue-head">{reasonLabel(e.code, i18n)}</span>
      <span className="issue-reason">{conversionDetail(e, i18n, fmt)}</span>
    </li>
  );
}

export function ValidationList({ validation, template, collection, id }: { validation: Validation; template: ProducerTemplate | undefined; collection: string; id: string }) {
  const { t, plural } = useI18n();
  const trackField = template?.trackField;
  const pk = template?.schema.fields.find((f) => f.isPrimaryKey);
  let tracking: string | null = null;
  if (template?.untrackable) tracking = t('producer.message.untrackable');
  else if (trackField) tracking = pk?.name === trackField && !pk.autoID ? t('producer.message.tracked', { field: trackField }) : t('producer.message.trackedNonce', { field: trackField });

  return (
    <div id={id} className="validation" aria-live="polite" data-testid="producer-validation" data-valid={validation.ok}>
      {validation.ok ? (
        <p className="validation-ok">
          <Icon name="checkCircle" size={15} />
          <span>{template ? t('producer.valid', { collection }) : t('producer.valid.noSchema')}</span>
          {tracking ? <span className="muted small">{tracking}</span> : null}
        </p>
      ) : (
        <div className="validation-issues">
          <p className="validation-head">
            <Icon name="alert" size={15} />
            {plural('producer.issues', validation.issues.length)}
          </p>
          <ul className="issue-list" data-testid="producer-issues">
            {validation.issues.map((issue, i) => (
              <IssueLine key={i} issue={issue} />
            ))}
          </ul>
        </div>
      )}
      {validation.dropped.length > 0 ? <p className="muted small">{t('producer.dropped', { fields: validation.dropped.join(', ') })}</p> : null}
    </div>
  );
}
