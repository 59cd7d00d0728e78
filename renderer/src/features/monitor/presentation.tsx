// Presentation layout: the whole window for one pipeline, numbers large enough to read across a
// room, throughput and lag charts below. Escape (or the button) returns to the dashboard.
import { useRef } from 'react';
import type { LogText } from '../../../../shared/log-text';
import type { MetricsSnapshot, PipelineCounters, PipelineState } from '../../../../shared/pipeline-status';
import { Icon } from '../../components/icons';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useI18n } from '../../i18n/context';
import type { RowCountState } from '../../stores/monitor-store';
import { Glyph } from '../pipelines/glyphs';
import { PipelineStateChip, StateCause } from '../pipelines/state-chip';
import { TimeChart, useChartLines, useInteraction } from './charts';
import type { SeriesData } from './series';
import './presentation.css';

interface Props {
  name: string;
  route: string;
  state: PipelineState;
  cause?: string | undefined;
  causeText?: LogText | undefined;
  latest: MetricsSnapshot | undefined;
  counters: PipelineCounters;
  rows: RowCountState | undefined;
  data: SeriesData;
  onExit: () => void;
}

export function Presentation(p: Props) {
  const { t, fmt } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const lines = useChartLines(p.data);
  const { interactive, pointer, handlers } = useInteraction();
  // Mounted only while shown: a modal dialog from the first render to the last.
  const { onKeyDown } = useModalDialog(ref, true);

  const l = p.latest;
  const rate = (v: number | undefined) => (v === undefined ? '—' : fmt.number(v, v < 10 ? 1 : 0));
  const ms = (v: number | undefined) => (v === undefined || v === 0 ? '—' : fmt.duration(v));
  const big: [string, string, string, string?][] = [
    ['written-rate', t('monitor.present.writtenRate'), rate(l?.writtenPerSec), 'accent'],
    ['consumed-rate', t('monitor.present.consumedRate'), rate(l?.consumedPerSec)],
    ['lag', t('monitor.present.lag'), l ? fmt.number(l.totalLag) : '—'],
    ['latency', t('monitor.present.batchP95'), ms(l?.batchLatencyMs.p95)],
  ];
  const small: [string, string, string, string?][] = [
    ['rows', t('monitor.counter.rows'), p.rows && 'rowCount' in p.rows ? fmt.number(p.rows.rowCount) : '—'],
    ['written', t('monitor.counter.written'), fmt.number(p.counters.written), 'ok'],
    ['dead-lettered', t('monitor.counter.deadLettered'), fmt.number(p.counters.deadLettered), p.counters.deadLettered ? 'warn' : undefined],
    ['retries', t('monitor.counter.retries'), fmt.number(p.counters.retries)],
    ['e2e', t('monitor.present.e2eP95'), ms(l?.endToEndLatencyMs.p95)],
  ];
  return (
    <dialog
      ref={ref}
      className="presentation"
      aria-label={t('monitor.present.label', { name: p.name })}
      data-testid="presentation"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        p.onExit();
      }}
    >
      <header className="present-head">
        <div className="present-title">
          <h1>{p.name}</h1>
          <PipelineStateChip state={p.state} cause={p.cause} causeText={p.causeText} />
        </div>
        <p className="present-route mono">{p.route}</p>
        <button type="button" className="btn btn-secondary" data-autofocus onClick={p.onExit} data-testid="presentation-exit">
          <Glyph name="minimize" size={15} />
          {t('monitor.present.exit')}
        </button>
      </header>
      <StateCause state={p.state} cause={p.cause} causeText={p.causeText} />
      <dl className="present-kpis">
        {big.map(([id, label, value, tone]) => (
          <div key={id} className={`kpi${tone ? ` tone-${tone}` : ''}`} data-testid={`kpi-${id}`}>
            <dt>{label}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="present-totals">
        {small.map(([id, label, value, tone]) => (
          <div key={id} className={`total${tone ? ` tone-${tone}` : ''}`}>
            <dt>
              {id === 'rows' ? <Icon name="milvus" size={16} /> : null}
              {label}
            </dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="present-charts" {...handlers}>
        <TimeChart id="present-throughput" title={t('monitor.chart.throughput')} unit="rate" data={p.data} lines={lines.throughput} height={280} interactive={interactive} pointer={pointer} />
        <TimeChart id="present-lag" title={t('monitor.chart.lag')} unit="records" data={p.data} lines={lines.lag.slice(0, 1)} height={280} interactive={interactive} pointer={pointer} />
      </div>
    </dialog>
  );
}
