// Monitor: one pipeline live. Counters that add up, the Milvus row count, five charts on a shared
// time axis (history from 'metrics.history', then 'metrics.tick'), the event log and the
// dead-letter browser; CSV export and a presentation layout.
import { useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../../shared/errors';
import type { MetricsSnapshot, PipelineCounters, PipelineState } from '../../../../shared/pipeline-status';
import { downloadText } from '../../components/dom';
import { EmptyState } from '../../components/empty-state';
import { TabList } from '../../components/tab-list';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { ErrorPanel } from '../connections/error-panel';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';
import { installMonitorBench } from './bench-hook';
import { MonitorCharts } from './charts';
import { CounterTiles } from './counters';
import { csvFileName, seriesCsv } from './csv';
import { DlqBrowser } from './dlq-browser';
import { EventLog } from './event-log';
import { MonitorActions, PipelineBar } from './monitor-bar';
import { Presentation } from './presentation';
import { bucketMsFor, buildSeries } from './series';
import './monitor.css';
import './monitor-details.css';

const EMPTY: MetricsSnapshot[] = [];
const ZERO: PipelineCounters = { consumed: 0, written: 0, deadLettered: 0, skipped: 0, inFlight: 0, retries: 0, batches: 0, droppedFields: 0 };
const LIVE: readonly PipelineState[] = ['starting', 'running', 'retrying', 'paused'];
const ROW_COUNT_EVERY_MS = 5_000;

export function MonitorPage() {
  const { t } = useI18n();
  const stores = useStores();
  const { monitor, router } = stores;
  const missing = useMissingConnections('both');
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const selectedId = useApp('monitor', (s) => s.selectedId);
  const selectedKnown = useApp('monitor', (s) => s.selectedId !== null && (s.selectedId in s.series || pipelines.some((p) => p.spec.id === s.selectedId)));

  useEffect(() => installMonitorBench(stores), [stores]);
  useEffect(() => {
    if (!monitor.getState().logLoaded) void monitor.getState().loadLog();
  }, [monitor]);
  // With none chosen yet, the first live pipeline (else the first) is shown at once, so the page
  // does not flash its empty state (and swap its title under the keyboard focus) before choosing.
  const pick = selectedKnown ? undefined : (pipelines.find((p) => LIVE.includes(p.status.state)) ?? pipelines[0]);
  useEffect(() => {
    if (pick) monitor.getState().select(pick.spec.id);
  }, [pick, monitor]);

  const shown = selectedKnown ? selectedId : pick?.spec.id;
  if (shown) return <Dashboard id={shown} />;
  return (
    <Page title={t('nav.monitor')} description={t('monitor.description')} testId="page-monitor">
      {missing ? (
        <NeedsConnections need="both" testId="monitor-empty" />
      ) : (
        <EmptyState icon="chart" title={t('monitor.empty.title')} body={t('monitor.empty.body')} testId="monitor-empty">
          <button type="button" className="btn btn-secondary" onClick={() => router.getState().navigate({ page: 'pipelines' })}>
            {t('common.goPipelines')}
          </button>
        </EmptyState>
      )}
    </Page>
  );
}

function Dashboard({ id }: { id: string }) {
  const { t } = useI18n();
  const { monitor } = useStores();
  const view = useApp('pipelines', (s) => s.pipelines.find((p) => p.spec.id === id));
  const points = useApp('monitor', (s) => s.series[id] ?? EMPTY);
  const windowSec = useApp('monitor', (s) => s.windowSec);
  const presentation = useApp('monitor', (s) => s.presentation);
  const rows = useApp('monitor', (s) => s.rowCounts[id]);
  const history = useApp('monitor', (s) => s.history[id]);
  const [tab, setTab] = useState<'log' | 'dlq'>('log');
  const [error, setError] = useState<AppError | null>(null);
  const live = view !== undefined && LIVE.includes(view.status.state);

  useEffect(() => {
    void monitor.getState().loadHistory(id);
  }, [id, monitor]);
  const hasView = view !== undefined;
  useEffect(() => {
    if (!hasView) return;
    const refresh = () => void monitor.getState().refreshRowCount(id);
    refresh();
    if (!live) return;
    const timer = setInterval(refresh, ROW_COUNT_EVERY_MS);
    return () => clearInterval(timer);
  }, [id, hasView, live, monitor]);

  const latest = points[points.length - 1];
  // Charts move once per bucket (1 s for short windows, 12 s for an hour), whatever the tick rate:
  // the window ends at the last complete bucket, so ticks inside a bucket reuse the same rows.
  const bucketMs = bucketMsFor(windowSec);
  const bucket = Math.floor((latest?.at ?? 0) / bucketMs);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- bucket (new points) and history (a merged hour) stand for points
  const data = useMemo(() => buildSeries(points, windowSec, bucket * bucketMs - 1), [windowSec, bucket, bucketMs, history]);
  const counters = view?.status.counters ?? latest?.counters ?? ZERO;
  const state: PipelineState = view?.status.state ?? latest?.state ?? 'idle';
  const name = view?.spec.name ?? id;
  const lag = latest?.totalLag ?? null;
  const exportCsv = () => downloadText(csvFileName(name, windowSec, Date.now()), seriesCsv(data), 'text/csv');

  return (
    <Page title={t('nav.monitor')} description={t('monitor.description')} testId="page-monitor" actions={<MonitorActions onCsv={exportCsv} disabled={data.rows.length === 0} />}>
      <PipelineBar id={id} view={view} state={state} onError={setError} />
      {error ? <ErrorPanel error={error} testId="monitor-error" /> : null}
      <CounterTiles counters={counters} lag={lag} rows={rows} />
      {/* The presentation covers the page: its charts replace these rather than adding to the work. */}
      {presentation ? null : <MonitorCharts data={data} />}
      <section className="card monitor-tabs">
        <TabList
          label={t('monitor.tabs')}
          idPrefix="tab-"
          value={tab}
          onChange={setTab}
          items={(['log', 'dlq'] as const).map((k) => ({
            key: k,
            label: (
              <>
                {t(`monitor.tab.${k}`)}
                {k === 'dlq' && counters.deadLettered ? <span className="tab-badge">{counters.deadLettered}</span> : null}
              </>
            ),
          }))}
        />
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
          {tab === 'log' ? <EventLog pipelineId={id} /> : view ? <DlqBrowser view={view} /> : <p className="muted">{t('dlq.noTopic')}</p>}
        </div>
      </section>
      {presentation ? (
        <Presentation
          name={name}
          route={view ? `${view.status.topics.join(', ')} → ${view.status.collection}` : ''}
          state={state}
          cause={view?.status.cause}
          causeText={view?.status.causeText}
          latest={latest}
          counters={counters}
          rows={rows}
          data={data}
          onExit={() => monitor.getState().setPresentation(false)}
        />
      ) : null}
    </Page>
  );
}
