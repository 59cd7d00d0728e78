// The monitor's five charts on one shared time axis (same domain and ticks, synced cursor):
// throughput, batch write latency, end-to-end latency, consumer lag, errors and dead letters.
// Live data: no animation, no dots, memoized rows; each chart re-renders only when its rows change.
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n, type I18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import { timeTicks, type ChartRow, type SeriesData } from './series';

export type Unit = 'rate' | 'ms' | 'records';

const SMOOTH_UP_TO = 150;

export interface LineSpec {
  key: keyof ChartRow & string;
  label: string;
  color: string;
  area?: boolean;
  dashed?: boolean;
  thin?: boolean;
}

const msFormats = new Map<string, Intl.NumberFormat[]>();

/** Milliseconds below 1 s as "12 ms", above as "1.2 s"; formatters cached (they cost more than the chart). */
export function formatMs(locale: string, v: number): string {
  let f = msFormats.get(locale);
  if (!f) {
    const opts = (unit: string, digits: number) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits });
    f = [opts('millisecond', 0), opts('millisecond', 1), opts('second', 1)];
    msFormats.set(locale, f);
  }
  const [ms0, ms1, sec] = f as [Intl.NumberFormat, Intl.NumberFormat, Intl.NumberFormat];
  if (Math.abs(v) >= 1000) return sec.format(v / 1000);
  return Math.abs(v) < 10 ? ms1.format(v) : ms0.format(v);
}

export function formatValue(i18n: I18n, unit: Unit, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === 'ms') return formatMs(i18n.locale.intl, v);
  if (unit === 'rate') return i18n.t('monitor.unit.perSecond', { value: i18n.fmt.number(v, v < 10 ? 1 : 0) });
  return i18n.fmt.number(v);
}

/** Axis numbers: 1.5K, 12K, 3.4M; small ones keep two decimals so 0.25 and 0.3 stay apart. */
function compact(locale: string): (v: number) => string {
  const big = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const small = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (v) => (Math.abs(v) < 10 ? small.format(v) : big.format(v));
}

function axisTime(locale: string, withSeconds: boolean): (t: number) => string {
  const f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) });
  return (t) => f.format(t);
}

/** The latest non-null value of a series, for the legend. */
function lastValue(rows: readonly ChartRow[], key: LineSpec['key']): number | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const v = (rows[i] as ChartRow)[key];
    if (typeof v === 'number') return v;
  }
  return null;
}

interface ChartProps {
  id: string;
  title: string;
  unit: Unit;
  data: SeriesData;
  lines: LineSpec[];
  height: number;
  note?: ReactNode;
}

export const TimeChart = memo(function TimeChart({ id, title, unit, data, lines, height, note }: ChartProps) {
  const i18n = useI18n();
  const tag = i18n.locale.intl;
  const ticks = useMemo(() => timeTicks(data.from, data.to), [data.from, data.to]);
  const xFormat = useMemo(() => axisTime(tag, data.to - data.from <= 5 * 60_000), [tag, data.from, data.to]);
  const yFormat = useMemo(() => (unit === 'ms' ? (v: number) => formatMs(tag, v) : compact(tag)), [unit, tag]);
  const empty = data.rows.length === 0;
  // Smooth curves for short windows; long ones have a point per pixel or two, where straight is cheaper.
  const curve = data.rows.length > SMOOTH_UP_TO ? 'linear' : 'monotone';
  return (
    <section className="card chart-card" aria-labelledby={`chart-${id}`} data-testid={`chart-${id}`} data-points={data.rows.length}>
      <header className="chart-head">
        <h3 id={`chart-${id}`}>{title}</h3>
        <ul className="chart-legend">
          {lines.map((l) => (
            <li key={l.key}>
              <span className={`swatch${l.dashed ? ' dashed' : ''}`} style={{ background: l.color, borderColor: l.color }} aria-hidden="true" />
              <span className="legend-label">{l.label}</span>
              <span className="legend-value" data-testid={`legend-${id}-${l.key}`}>
                {formatValue(i18n, unit, lastValue(data.rows, l.key))}
              </span>
            </li>
          ))}
        </ul>
      </header>
      {note}
      <div className="chart-body" style={{ height }} aria-hidden={empty || undefined}>
        {empty ? (
          <p className="chart-empty muted">{i18n.t('monitor.chart.noData')}</p>
        ) : (
          <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 600, height }}>
            <AreaChart data={data.rows} syncId="monitor" margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={[data.from, data.to]}
                ticks={ticks}
                tickFormatter={xFormat}
                allowDataOverflow
                stroke="var(--chart-axis)"
                tick={{ fill: 'var(--chart-axis)', fontSize: 11 }}
                tickLine={false}
              />
              <YAxis width={56} tickFormatter={yFormat} stroke="var(--chart-axis)" tick={{ fill: 'var(--chart-axis)', fontSize: 11 }} tickLine={false} axisLine={false} allowDecimals={unit !== 'records'} />
              <Tooltip
                isAnimationActive={false}
                labelFormatter={(t) => i18n.fmt.time(Number(t))}
                formatter={(v, name) => [formatValue(i18n, unit, typeof v === 'number' ? v : null), name]}
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, boxShadow: 'var(--shadow-lg)', fontSize: 12 }}
                labelStyle={{ color: 'var(--text-muted)' }}
                itemStyle={{ padding: 0 }}
              />
              {/* Areas for lines too: recharts' Line measures its path (getTotalLength) on every render. */}
              {lines.map((l) => (
                <Area
                  key={l.key}
                  dataKey={l.key}
                  name={l.label}
                  type={curve}
                  stroke={l.color}
                  fill={l.area ? l.color : 'none'}
                  fillOpacity={l.area ? 0.14 : 0}
                  strokeWidth={l.thin ? 1.25 : 2}
                  strokeDasharray={l.dashed ? '5 4' : undefined}
                  dot={false}
                  activeDot={{ r: 3 }}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              ))}
            </AreaChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
});

const PARTITION_COLORS = ['var(--chart-s1)', 'var(--chart-s2)', 'var(--chart-s3)', 'var(--chart-s4)', 'var(--chart-s5)', 'var(--chart-s6)'];

/** The line specs of the dashboard, translated. */
export function useChartLines(data: SeriesData) {
  const { t } = useI18n();
  const partitionKey = data.partitions.map((p) => `${p.key}:${p.topic}/${p.partition}`).join('|');
  return useMemo(() => {
    const l = (key: LineSpec['key'], label: MessageKey, color: string, extra: Partial<LineSpec> = {}): LineSpec => ({ key, label: t(label), color, ...extra });
    const multiTopic = new Set(data.partitions.map((p) => p.topic)).size > 1;
    return {
      throughput: [l('consumed', 'monitor.series.consumed', 'var(--chart-consumed)', { dashed: true }), l('written', 'monitor.series.written', 'var(--chart-written)', { area: true })],
      batch: [l('batchP50', 'monitor.series.p50', 'var(--chart-p50)'), l('batchP95', 'monitor.series.p95', 'var(--chart-p95)'), l('batchP99', 'monitor.series.p99', 'var(--chart-p99)')],
      e2e: [l('e2eP50', 'monitor.series.p50', 'var(--chart-p50)'), l('e2eP95', 'monitor.series.p95', 'var(--chart-p95)'), l('e2eP99', 'monitor.series.p99', 'var(--chart-p99)')],
      lag: [
        l('lag', 'monitor.series.lagTotal', 'var(--chart-lag)', { area: true }),
        ...data.partitions.map((p, i): LineSpec => ({
          key: p.key,
          label: multiTopic ? t('monitor.series.partitionOf', { topic: p.topic, partition: p.partition }) : t('monitor.series.partition', { partition: p.partition }),
          color: PARTITION_COLORS[i % PARTITION_COLORS.length] as string,
          thin: true,
        })),
      ],
      errors: [l('errors', 'monitor.series.errors', 'var(--chart-errors)'), l('deadLettered', 'monitor.series.deadLettered', 'var(--chart-dlq)', { dashed: true })],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- partitionKey stands for data.partitions
  }, [t, partitionKey]);
}

/**
 * Hands new data to `count` charts one animation frame apart: a refresh becomes several short tasks
 * instead of one long one, so scrolling and hovering stay smooth. The axes line up again within a
 * few frames. `pending` is true until every chart shows `data`.
 */
export function useStaggered<T>(data: T, count: number): { views: T[]; pending: boolean } {
  const [views, setViews] = useState<T[]>(() => Array.from({ length: count }, () => data));
  useEffect(() => {
    let k = 0;
    let frame = 0;
    const step = () => {
      const at = k++;
      setViews((v) => (v[at] === data ? v : v.map((x, i) => (i === at ? data : x))));
      if (k < count) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [data, count]);
  return { views, pending: views.some((v) => v !== data) };
}

export function MonitorCharts({ data, height = 190 }: { data: SeriesData; height?: number }) {
  const { t } = useI18n();
  const lines = useChartLines(data);
  const { views, pending } = useStaggered(data, 5);
  const [a, b, c, d, e] = views as [SeriesData, SeriesData, SeriesData, SeriesData, SeriesData];
  const totalOnly = data.partitions.length === 0 && data.rows.some((r) => (r.lag ?? 0) > 0);
  const lagNote = useMemo(() => (totalOnly ? <p className="muted small">{t('monitor.chart.lagTotalOnly')}</p> : undefined), [totalOnly, t]);
  return (
    <div className="chart-grid" data-testid="monitor-charts" data-charts-pending={pending}>
      <TimeChart id="throughput" title={t('monitor.chart.throughput')} unit="rate" data={a} lines={lines.throughput} height={height} />
      <TimeChart id="lag" title={t('monitor.chart.lag')} unit="records" data={b} lines={lines.lag} height={height} note={lagNote} />
      <TimeChart id="batch" title={t('monitor.chart.batchLatency')} unit="ms" data={c} lines={lines.batch} height={height} />
      <TimeChart id="e2e" title={t('monitor.chart.e2eLatency')} unit="ms" data={d} lines={lines.e2e} height={height} />
      <TimeChart id="errors" title={t('monitor.chart.errors')} unit="rate" data={e} lines={lines.errors} height={height} />
    </div>
  );
}
