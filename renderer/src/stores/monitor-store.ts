// State of the monitor: per-pipeline metrics (history from 'metrics.history', then live from
// 'metrics.tick', one point per second for an hour), the chosen pipeline and window, Milvus row
// counts, the event log ('log.recent' + 'log.entry') and the dead-letter browser's page.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Transport } from '../../../shared/contract';
import type { DlqPage, DlqSelection, RedriveResult } from '../../../shared/contract-monitor';
import type { AppError, RpcResult } from '../../../shared/errors';
import type { LogEntry, MetricsSnapshot } from '../../../shared/pipeline-status';
import { appendPoint, BUFFER_SECONDS, mergeHistory, type WindowSec } from '../features/monitor/series';

export const LOG_CAPACITY = 5000;
export const DLQ_PAGE_SIZE = 200;

export type RowCountState = { rowCount: number; at: number } | { error: AppError; at: number };
export type DlqState =
  | { status: 'idle' }
  | { status: 'loading'; pipelineId: string; page?: DlqPage }
  | { status: 'ok'; pipelineId: string; page: DlqPage }
  | { status: 'error'; pipelineId: string; error: AppError };

export interface MonitorState {
  selectedId: string | null;
  windowSec: WindowSec;
  presentation: boolean;
  /** Oldest first, one snapshot per second, at most an hour, per pipeline. */
  series: Record<string, MetricsSnapshot[]>;
  history: Record<string, 'loading' | 'ok' | 'error'>;
  rowCounts: Record<string, RowCountState>;
  log: LogEntry[];
  logLoaded: boolean;
  dlq: DlqState;
  select(id: string | null): void;
  setWindow(w: WindowSec): void;
  setPresentation(on: boolean): void;
  /** The last hour from main, merged with ticks that arrived meanwhile. */
  loadHistory(id: string, force?: boolean): Promise<void>;
  /** What a 'metrics.tick' does; also the bench hook's way in. */
  ingest(snaps: readonly MetricsSnapshot[]): void;
  /** Replaces a pipeline's buffered points (bench hook, tests). */
  setSeries(id: string, points: MetricsSnapshot[]): void;
  forget(id: string): void;
  refreshRowCount(id: string): Promise<void>;
  loadLog(): Promise<void>;
  readDlq(id: string, limit?: number): Promise<void>;
  redrive(id: string, selection: DlqSelection): Promise<RpcResult<RedriveResult>>;
}

export type MonitorStore = StoreApi<MonitorState>;

export function createMonitorStore(transport: Transport): MonitorStore {
  const store = createStore<MonitorState>()((set, get) => ({
    selectedId: null,
    windowSec: 300,
    presentation: false,
    series: {},
    history: {},
    rowCounts: {},
    log: [],
    logLoaded: false,
    dlq: { status: 'idle' },
    select: (id) => set((s) => (s.selectedId === id ? s : { selectedId: id, dlq: { status: 'idle' } })),
    setWindow: (windowSec) => set({ windowSec }),
    setPresentation: (presentation) => set({ presentation }),
    async loadHistory(id, force) {
      const st = get().history[id];
      if (!force && (st === 'ok' || st === 'loading')) return;
      set((s) => ({ history: { ...s.history, [id]: 'loading' } }));
      const r = await transport.invoke('metrics.history', id, BUFFER_SECONDS);
      set((s) => ({
        history: { ...s.history, [id]: r.ok ? 'ok' : 'error' },
        series: r.ok ? { ...s.series, [id]: mergeHistory(r.value, s.series[id] ?? []) } : s.series,
      }));
    },
    ingest(snaps) {
      if (!snaps.length) return;
      set((s) => {
        const series = { ...s.series };
        for (const snap of snaps) series[snap.pipelineId] = appendPoint(series[snap.pipelineId] ?? [], snap);
        return { series };
      });
    },
    setSeries: (id, points) => set((s) => ({ series: { ...s.series, [id]: points }, history: { ...s.history, [id]: 'ok' } })),
    forget: (id) =>
      set((s) => {
        const series = { ...s.series };
        const history = { ...s.history };
        delete series[id];
        delete history[id];
        return { series, history, selectedId: s.selectedId === id ? null : s.selectedId };
      }),
    async refreshRowCount(id) {
      const r = await transport.invoke('monitor.rowCount', id);
      const value: RowCountState = r.ok ? { rowCount: r.value.rowCount, at: r.value.at } : { error: r.error, at: Date.now() };
      set((s) => ({ rowCounts: { ...s.rowCounts, [id]: value } }));
    },
    async loadLog() {
      const r = await transport.invoke('log.recent', LOG_CAPACITY);
      if (!r.ok) return;
      // Entries that arrived while loading are already in the list: keep them, newest last.
      set((s) => {
        const seen = new Set(r.value.map(logKey));
        return { log: [...r.value, ...s.log.filter((e) => !seen.has(logKey(e)))].slice(-LOG_CAPACITY), logLoaded: true };
      });
    },
    async readDlq(id, limit = DLQ_PAGE_SIZE) {
      const prev = get().dlq;
      set({ dlq: { status: 'loading', pipelineId: id, ...(prev.status === 'ok' && prev.pipelineId === id ? { page: prev.page } : {}) } });
      const r = await transport.invoke('dlq.read', id, { limit });
      if (get().selectedId !== id) return;
      set({ dlq: r.ok ? { status: 'ok', pipelineId: id, page: r.value } : { status: 'error', pipelineId: id, error: r.error } });
    },
    async redrive(id, selection) {
      const r = await transport.invoke('dlq.redrive', id, selection);
      const d = get().dlq;
      if (r.ok && d.status === 'ok' && d.pipelineId === id) {
        const failed = new Set(r.value.problems.map((p) => `${p.partition}:${p.offset}`));
        const chosen = new Set(selection.map((x) => `${x.partition}:${x.offset}`));
        const at = Date.now();
        const records = d.page.records.map((rec) => {
          const k = `${rec.partition}:${rec.offset}`;
          return chosen.has(k) && !failed.has(k) ? { ...rec, redrivenAt: at } : rec;
        });
        set({ dlq: { ...d, page: { ...d.page, records } } });
      }
      return r;
    },
  }));

  transport.on('metrics.tick', (snaps) => store.getState().ingest(snaps));
  transport.on('log.entry', (e) => store.setState((s) => ({ log: s.log.length >= LOG_CAPACITY ? [...s.log.slice(1 - LOG_CAPACITY), e] : [...s.log, e] })));
  return store;
}

const logKey = (e: LogEntry): string => `${e.at}\u0000${e.pipelineId ?? ''}\u0000${e.message}`;
