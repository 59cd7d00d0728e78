// What an offset reset does: a sentence with the records read again (or skipped) and, per partition,
// where the group stands now and where it will read next. Offsets are editable for "specific offsets".
import type { OffsetResetPlan } from '../../../../shared/contract-monitor';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';

interface Editable {
  values: Record<string, string>;
  bad: (key: string) => boolean;
  onValue: (key: string, v: string) => void;
}

export function ResetPlanView(props: { plan: OffsetResetPlan | null; editable?: Editable; keyOf: (topic: string, partition: number) => string; pending: boolean; empty: boolean }) {
  const { t, plural, fmt } = useI18n();
  const { plan, editable } = props;
  let summary;
  if (props.empty) summary = <p className="muted">{t('pipelines.reset.pickOffsets')}</p>;
  else if (!plan || props.pending)
    summary = (
      <p className="muted loading-line">
        <Spinner size={14} /> {t('pipelines.reset.planning')}
      </p>
    );
  else if (plan.reread === 0 && plan.skipped === 0) summary = <p data-testid="reset-summary">{t('pipelines.reset.nothing')}</p>;
  else
    summary = (
      <div className={`callout ${plan.skipped ? 'tone-warn' : 'tone-info'} reset-summary`} data-testid="reset-summary">
        <Icon name={plan.skipped ? 'alert' : 'info'} size={16} />
        <div>
          {plan.reread ? <p className="strong">{plural('pipelines.reset.reread', plan.reread)}</p> : null}
          {plan.skipped ? <p className="strong">{plural('pipelines.reset.skipped', plan.skipped)}</p> : null}
          <p className="small">{t('pipelines.reset.upsertNote')}</p>
        </div>
      </div>
    );

  return (
    <div className="reset-plan">
      {plan && !plan.effective ? (
        <div className="callout tone-warn">
          <Icon name="alert" size={16} />
          <p>{t('pipelines.reset.notEffective')}</p>
        </div>
      ) : null}
      {summary}
      {plan ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('pipelines.reset.col.partition')}>
          <table className="data-table compact" data-testid="reset-partitions">
            <thead>
              <tr>
                <th scope="col">{t('pipelines.reset.col.partition')}</th>
                <th scope="col">{t('pipelines.reset.col.range')}</th>
                <th scope="col">{t('pipelines.reset.col.current')}</th>
                <th scope="col">{t('pipelines.reset.col.target')}</th>
                <th scope="col" className="num">
                  {t('pipelines.reset.col.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.partitions.map((p) => {
                const key = props.keyOf(p.topic, p.partition);
                const delta = p.reread ? `+${fmt.number(p.reread)}` : p.skipped ? `−${fmt.number(p.skipped)}` : '0';
                return (
                  <tr key={key}>
                    <td className="mono">
                      {p.topic}/{p.partition}
                    </td>
                    <td className="mono muted">
                      {p.low}–{p.high}
                    </td>
                    <td className="mono">{p.current}</td>
                    <td>
                      {editable ? (
                        <input
                          className="input input-sm mono"
                          inputMode="numeric"
                          value={editable.values[key] ?? p.current}
                          aria-invalid={editable.bad(key) || undefined}
                          aria-label={t('pipelines.reset.offsetFor', { partition: `${p.topic}/${p.partition}` })}
                          onChange={(e) => editable.onValue(key, e.target.value)}
                          data-testid={`reset-offset-${p.partition}`}
                        />
                      ) : (
                        <span className="mono">{p.target}</span>
                      )}
                    </td>
                    <td className={`num mono ${p.skipped ? 'warn-text' : ''}`}>{delta}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
