// What one monitor chart shows, drawn inside recharts' chart: axis labels and grid, series paths
// (plot-paths.ts), the active point's dots and a tooltip that follows recharts' cursor (mouse, keyboard and the charts'
// shared sync), so the frame stays recharts' while the per-point work stays ours and small.
import { memo, useId, useMemo } from 'react';
import { useActiveTooltipLabel, usePlotArea } from 'recharts';
import { nearestRow, scaler, seriesPath, type PlotBox } from './plot-paths';
import { timeTicks, type ChartRow } from './series';

export interface PlotLine {
  key: keyof ChartRow & string;
  label: string;
  color: string;
  area?: boolean;
  dashed?: boolean;
  thin?: boolean;
}

interface PlotLayerProps {
  rows: readonly ChartRow[];
  lines: readonly PlotLine[];
  from: number;
  to: number;
  top: number;
  /** Values of the y-axis labels and the horizontal grid lines. */
  yTicks: readonly number[];
  xLabel: (t: number) => string;
  yLabel: (v: number) => string;
  smooth: boolean;
  formatTime: (t: number) => string;
  formatValue: (v: number | null | undefined) => string;
  /** Show the cursor's dots and values (the pointer is over the charts, or this one has focus). */
  showActive: boolean;
}

const TIP_WIDTH = 176;

export function PlotLayer(props: PlotLayerProps) {
  const plot = usePlotArea();
  if (!plot || plot.width <= 0 || plot.height <= 0) return null;
  return <PlotLayerIn {...props} box={plot} />;
}

function PlotLayerIn({ box, ...p }: PlotLayerProps & { box: PlotBox }) {
  return (
    <g className="plot-layer">
      <Axes yTicks={p.yTicks} xLabel={p.xLabel} yLabel={p.yLabel} from={p.from} to={p.to} top={p.top} bx={box.x} by={box.y} bw={box.width} bh={box.height} />
      <Paths rows={p.rows} lines={p.lines} from={p.from} to={p.to} top={p.top} smooth={p.smooth} bx={box.x} by={box.y} bw={box.width} bh={box.height} />
      {p.showActive ? <ActivePoint {...p} box={box} /> : null}
    </g>
  );
}

interface AxesProps {
  yTicks: readonly number[];
  xLabel: (t: number) => string;
  yLabel: (v: number) => string;
  from: number;
  to: number;
  top: number;
  bx: number;
  by: number;
  bw: number;
  bh: number;
}

/**
 * Axis labels and horizontal grid lines. Drawn here rather than by recharts' axes (which stay, hidden,
 * for the cursor's scale): theirs measure and re-create every label on each render.
 */
const Axes = memo(function Axes({ yTicks, xLabel, yLabel, from, to, top, bx, by, bw, bh }: AxesProps) {
  // As many round times as fit: a label's width estimated from its length (no DOM measuring).
  const xTicks = useMemo(() => {
    const labelPx = xLabel(from).length * 7 + 20;
    return timeTicks(from, to, Math.max(2, Math.floor(bw / labelPx)));
  }, [from, to, bw, xLabel]);
  const s = scaler({ x: bx, y: by, width: bw, height: bh }, from, to, top);
  // Grid lines on the pixel grid, so they stay one crisp pixel wide.
  const y = (v: number) => Math.round(s.y(v)) + 0.5;
  const x = s.x;
  return (
    <g className="plot-axes">
      <g stroke="var(--chart-grid)" shapeRendering="crispEdges">
        {yTicks.map((v) => (
          <line key={v} x1={bx} x2={bx + bw} y1={y(v)} y2={y(v)} />
        ))}
      </g>
      <g className="plot-axis-labels" fill="var(--chart-axis)" fontSize={11}>
        {yTicks.map((v) => (
          <text key={v} x={bx - 8} y={y(v)} dy="0.32em" textAnchor="end">
            {yLabel(v)}
          </text>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={by + bh + 8} dy="0.71em" textAnchor="middle">
            {xLabel(t)}
          </text>
        ))}
      </g>
      <line x1={bx} x2={bx + bw} y1={Math.round(by + bh) + 0.5} y2={Math.round(by + bh) + 0.5} stroke="var(--chart-axis)" shapeRendering="crispEdges" />
    </g>
  );
});

interface PathsProps {
  rows: readonly ChartRow[];
  lines: readonly PlotLine[];
  from: number;
  to: number;
  top: number;
  smooth: boolean;
  bx: number;
  by: number;
  bw: number;
  bh: number;
}

/** Memoized on primitives: hovering (a new active label) never rebuilds the paths. */
const Paths = memo(function Paths({ rows, lines, from, to, top, smooth, bx, by, bw, bh }: PathsProps) {
  const clip = `plot-clip-${useId().replace(/:/g, '')}`;
  const paths = useMemo(() => {
    const box = { x: bx, y: by, width: bw, height: bh };
    return lines.map((l) => ({
      line: seriesPath(rows, l.key, box, from, to, top, smooth, false),
      area: l.area ? seriesPath(rows, l.key, box, from, to, top, smooth, true) : null,
    }));
  }, [rows, lines, from, to, top, smooth, bx, by, bw, bh]);
  return (
    <>
      <defs>
        <clipPath id={clip}>
          <rect x={bx} y={by - 3} width={bw} height={bh + 6} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {lines.map((l, i) => {
          const p = paths[i] as { line: string; area: string | null };
          return (
            <g key={l.key} className="plot-series" data-series={l.key}>
              {p.area ? <path d={p.area} fill={l.color} fillOpacity={0.14} stroke="none" /> : null}
              <path d={p.line} fill="none" stroke={l.color} strokeWidth={l.thin ? 1.25 : 2} strokeDasharray={l.dashed ? '5 4' : undefined} strokeLinejoin="round" strokeLinecap="round" />
            </g>
          );
        })}
      </g>
    </>
  );
});

/** Dots on every line at the cursor's time, and the values in a box beside it. */
function ActivePoint({ rows, lines, from, to, top, box, formatTime, formatValue }: PlotLayerProps & { box: PlotBox }) {
  const label = useActiveTooltipLabel();
  if (label === undefined || label === null) return null;
  const index = nearestRow(rows, Number(label));
  const row = rows[index];
  if (!row) return null;
  const s = scaler(box, from, to, top);
  const x = s.x(row.t);
  const y = s.y;
  const onRight = x < box.x + box.width / 2;
  return (
    <g className="plot-active" pointerEvents="none">
      {lines.map((l) => {
        const v = row[l.key];
        return typeof v === 'number' ? <circle key={l.key} cx={x} cy={y(v)} r={3.5} fill={l.color} stroke="var(--surface)" strokeWidth={1.5} /> : null;
      })}
      <foreignObject x={onRight ? x + 12 : x - 12 - TIP_WIDTH} y={box.y} width={TIP_WIDTH} height={box.height}>
        <div className="plot-tip" data-testid="chart-tooltip">
          <p className="plot-tip-time">{formatTime(row.t)}</p>
          <ul>
            {lines.map((l) => (
              <li key={l.key}>
                <span className="plot-tip-swatch" style={{ background: l.color }} aria-hidden="true" />
                <span className="plot-tip-label">{l.label}</span>
                <span className="plot-tip-value">{formatValue(row[l.key])}</span>
              </li>
            ))}
          </ul>
        </div>
      </foreignObject>
    </g>
  );
}
