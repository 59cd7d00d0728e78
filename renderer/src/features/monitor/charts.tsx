// The monitor's five charts on one shared time axis (same domain and ticks, synced cursor):
// throughput, batch write latency, end-to-end latency, consumer lag, errors and dead letters.
// Recharts draws the frame (axes, cursor, keyboard, sync); plot-layer.tsx draws grid and lines. Each
// chart re-renders only when its rows change, which is once per bucket.
import { memo, useCallback, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n, type I18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/i18n';
import { PlotLayer, type PlotLine } from './plot-layer';
import { niceScale, seriesMax } from './plot-paths';
import type { ChartRow, SeriesData } from './series';

export type Unit = 'rate' | 'ms' | 'records';

const SMOOTH_UP_TO = 150;

export type LineSpec = PlotLine;

/** Recharts' own tooltip box needs series items; the plot layer shows the values instead. */
const noTooltip = () => null;
// Constant props: recharts stores its settings and recomputes when a new object arrives.
const MARGIN = { top: 6, right: 12, bottom: 24, left: 56 };
const AXIS = 'var(--chart-axis)';

const CURSOR = { stroke: AXIS, strokeDasharray: '3 3' };

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
  /** Pointer or focus on the charts: give recharts the rows for its cursor and tooltip. */
  interactive?: boolean;
  /** The pointer is over the charts: every chart shows the synced cursor's values. */
  pointer?: boolean;
}

export const TimeChart = memo(function TimeChart({ id, title, unit, data, lines, height, note, interactive = true, pointer = true }: ChartProps) {
  const i18n = useI18n();
  const tag = i18n.locale.intl;
  const xFormat = useMemo(() => axisTime(tag, data.to - data.from <= 5 * 60_000), [tag, data.from, data.to]);
  const yFormat = useMemo(() => (unit === 'ms' ? (v: number) => formatMs(tag, v) : compact(tag)), [unit, tag]);
  const empty = data.rows.length === 0;
  // Smooth curves for short windows; long ones have a point per pixel or two, where straight reads better.
  const smooth = data.rows.length <= SMOOTH_UP_TO;
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  const max = useMemo(() => seriesMax(data.rows, keys), [data.rows, keys]);
  const y = useMemo(() => niceScale(max, 4, unit === 'records'), [max, unit]);
  const xDomain = useMemo(() => [data.from, data.to], [data.from, data.to]);
  const yDomain = useMemo(() => [0, y.top], [y.top]);
  // Without the pointer only the chart holding focus shows its values (keyboard users move on with Tab).
  const [focused, setFocused] = useState(false);
  const tipTime = useCallback((t: number) => i18n.fmt.time(t), [i18n]);
  const tipValue = useCallback((v: number | null | undefined) => formatValue(i18n, unit, v), [i18n, unit]);
  return (
    <section
      className="card chart-card"
      aria-labelledby={`chart-${id}`}
      data-testid={`chart-${id}`}
      data-points={data.rows.length}
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget as Node | null))}
    >
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
            {/* Without pointer or focus recharts keeps only the frame: the rows, axes and tooltip are what its
                state recomputes on every update, and no cursor is shown then. */}
            <AreaChart data={interactive ? data.rows : undefined} syncId="monitor" margin={MARGIN}>
              {interactive ? (
                <>
                  {/* Hidden: they give the cursor its scale; the plot layer draws the labels. */}
                  <XAxis dataKey="t" type="number" scale="time" domain={xDomain} allowDataOverflow hide />
                  <YAxis domain={yDomain} allowDataOverflow hide />
                  {/* Recharts keeps the cursor, keyboard navigation and the sync across charts; the layer draws. */}
                  <Tooltip content={noTooltip} isAnimationActive={false} cursor={pointer || focused ? CURSOR : false} />
                </>
              ) : null}
              <PlotLayer rows={data.rows} lines={lines} from={data.from} to={data.to} top={y.top} yTicks={y.ticks} xLabel={xFormat} yLabel={yFormat} smooth={smooth} formatTime={tipTime} formatValue={tipValue} showActive={pointer || focused} />
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

export interface Interaction {
  /** Pointer over, or focus inside, the element the handlers are spread on. */
  interactive: boolean;
  pointer: boolean;
  handlers: { onPointerEnter(): void; onPointerLeave(): void; onFocus(): void; onBlur(e: FocusEvent): void };
}

/** Tracks pointer and focus on a group of charts (spread `handlers` on its container). */
export function useInteraction(): Interaction {
  const [pointer, setPointer] = useState(false);
  const [focus, setFocus] = useState(false);
  const handlers = useMemo(
    () => ({
      onPointerEnter: () => setPointer(true),
      onPointerLeave: () => setPointer(false),
      onFocus: () => setFocus(true),
      onBlur: (e: FocusEvent) => setFocus(e.currentTarget.contains(e.relatedTarget as Node | null)),
    }),
    [],
  );
  return { interactive: pointer || focus, pointer, handlers };
}

export function MonitorCharts({ data, height = 190 }: { data: SeriesData; height?: number }) {
  const { t } = useI18n();
  const { interactive, pointer, handlers } = useInteraction();
  const lines = useChartLines(data);
  const totalOnly = data.partitions.length === 0 && data.rows.some((r) => (r.lag ?? 0) > 0);
  const lagNote = useMemo(() => (totalOnly ? <p className="muted small">{t('monitor.chart.lagTotalOnly')}</p> : undefined), [totalOnly, t]);
  return (
    <div className="chart-grid" data-testid="monitor-charts" {...handlers}>
      <TimeChart id="throughput" title={t('monitor.chart.throughput')} unit="rate" data={data} lines={lines.throughput} height={height} interactive={interactive} pointer={pointer} />
      <TimeChart id="lag" title={t('monitor.chart.lag')} unit="records" data={data} lines={lines.lag} height={height} note={lagNote} interactive={interactive} pointer={pointer} />
      <TimeChart id="batch" title={t('monitor.chart.batchLatency')} unit="ms" data={data} lines={lines.batch} height={height} interactive={interactive} pointer={pointer} />
      <TimeChart id="e2e" title={t('monitor.chart.e2eLatency')} unit="ms" data={data} lines={lines.e2e} height={height} interactive={interactive} pointer={pointer} />
      <TimeChart id="errors" title={t('monitor.chart.errors')} unit="rate" data={data} lines={lines.errors} height={height} interactive={interactive} pointer={pointer} />
    </div>
  );
}
