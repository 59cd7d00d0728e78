// Counters that add up (consumed = written + dead-lettered + skipped + in flight), retries, lag and
// the Milvus row count, with the sum spelled out so anyone can check it at a glance.
import { memo } from 'react';
import type { PipelineCounters } from '../../../../shared/pipeline-status';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import type { RowCountState } from '../../stores/monitor-store';

export function addsUp(c: PipelineCounters): boolean {
  return c.consumed === c.written + c.deadLettered + c.skipped + c.inFlight;
}

export const CounterTiles = memo(function CounterTiles({ counters, lag, rows }: { counters: PipelineCounters; lag: number | null; rows: RowCountState | undefined }) {
  const { t, fmt } = useI18n();
  const tiles: [string, MessageKey, number | null, string?][] = [
    ['consumed', 'monitor.counter.consumed', counters.consumed],
    ['written', 'monitor.counter.written', counters.written, 'ok'],
    ['dead-lettered', 'monitor.counter.deadLettered', counters.deadLettered, counters.deadLettered ? 'warn' : undefined],
    ['skipped', 'monitor.counter.skipped', counters.skipped],
    ['in-flight', 'monitor.counter.inFlight', counters.inFlight],
    ['retries', 'monitor.counter.retries', counters.retries, counters.retries ? 'warn' : undefined],
    ['lag', 'monitor.counter.lag', lag],
  ];
  const ok = addsUp(counters);
  return (
    <section className="card counters" aria-label={t('monitor.counters')} data-testid="monitor-counters">
      <dl className="counter-tiles">
        {tiles.map(([id, label, value, tone]) => (
          <div key={id} className={`counter${tone ? ` tone-${tone}` : ''}`} data-testid={`counter-${id}`} data-value={value ?? ''}>
            <dt>{t(label)}</dt>
            <dd>{value === null ? '—' : fmt.number(value)}</dd>
          </div>
        ))}
        <div className="counter milvus" data-testid="counter-rows" data-value={rows && 'rowCount' in rows ? rows.rowCount : ''}>
          <dt>
            <Icon name="milvus" size={13} /> {t('monitor.counter.rows')}
          </dt>
          <dd title={rows && 'error' in rows ? rows.error.message : rows ? t('monitor.counter.rowsAt', { time: fmt.time(rows.at) }) : undefined}>
            {rows === undefined ? '—' : 'rowCount' in rows ? fmt.number(rows.rowCount) : t('monitor.counter.rowsUnavailable')}
          </dd>
        </div>
      </dl>
      <p className={`adds-up ${ok ? 'ok' : 'warn'}`} data-testid="adds-up" data-ok={ok}>
        <Icon name={ok ? 'checkCircle' : 'alert'} size={14} />
        <span>
          {t('monitor.addsUp', {
            consumed: fmt.number(counters.consumed),
            written: fmt.number(counters.written),
            dead: fmt.number(counters.deadLettered),
            skipped: fmt.number(counters.skipped),
            inFlight: fmt.number(counters.inFlight),
          })}
        </span>
      </p>
    </section>
  );
});
