// The overall verdict: ready, ready with warnings, or blocked, with the matcher's sentence and
// counts. A polite live region, so mapping edits that change the verdict are announced.
import type { MatchReport, Verdict } from '../../../../shared/schema';
import { Icon, type IconName } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { conversionMessage } from '../../i18n/conversion-text';
import type { MessageKey } from '../../i18n/i18n';
import { explainText, withoutLead } from './explain-text';

const LOOK: Record<Verdict, { tone: string; icon: IconName; title: MessageKey }> = {
  ready: { tone: 'ok', icon: 'checkCircle', title: 'schema.verdict.ready' },
  warnings: { tone: 'warn', icon: 'alert', title: 'schema.verdict.warnings' },
  blocked: { tone: 'danger', icon: 'error', title: 'schema.verdict.blocked' },
};

export function VerdictBanner({ report }: { report: MatchReport }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const look = LOOK[report.verdict];
  const title = t(look.title);
  const firstError = report.recordErrors[0];
  return (
    <section className={`schema-verdict tone-${look.tone}`} aria-live="polite" aria-atomic="true" data-testid="schema-verdict" data-verdict={report.verdict}>
      <span className="schema-verdict-icon">
        <Icon name={look.icon} size={20} />
      </span>
      <div className="schema-verdict-body">
        <h2 className="schema-verdict-title" id="schema-verdict-title" tabIndex={-1}>
          {title}
        </h2>
        <p data-testid="schema-verdict-sentence">{withoutLead(explainText(report.explanation, i18n), title)}</p>
        {firstError && report.verdict !== 'ready' ? (
          <p className="small schema-verdict-error">
            {t('schema.verdict.firstError', { index: firstError.index + 1 })} <span data-testid="schema-verdict-error">{conversionMessage(firstError.error, i18n, i18n.fmt)}</span>
          </p>
        ) : null}
      </div>
      <ul className="schema-verdict-counts" aria-label={t('schema.verdict.counts')}>
        <li className={report.counts.ok ? 'count-ok' : 'zero'}>
          <Icon name="checkCircle" size={13} />
          {plural('schema.count.ok', report.counts.ok)}
        </li>
        <li className={report.counts.warning ? 'count-warn' : 'zero'}>
          <Icon name="alert" size={13} />
          {plural('schema.count.warning', report.counts.warning)}
        </li>
        <li className={report.counts.error ? 'count-error' : 'zero'}>
          <Icon name="error" size={13} />
          {plural('schema.count.error', report.counts.error)}
        </li>
      </ul>
    </section>
  );
}
