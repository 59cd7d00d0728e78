// The event log: state transitions, retries with their cause, config changes and dead letters,
// filterable by kind, level, pipeline and text. Newest first, each line in the reader's language.
import { memo, useCallback, useMemo, useState } from 'react';
import type { LogEntry } from '../../../../shared/pipeline-status';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { logDetail, logLine } from '../../i18n/log-line';
import { useApp } from '../../stores/context';
import { countByKind, DEFAULT_FILTER, filterLog, LOG_KINDS, type LogFilter } from './log-filter';

const LEVEL_ICON = { info: 'info', warn: 'alert', error: 'error' } as const;

export const EventLog = memo(function EventLog({ pipelineId }: { pipelineId: string | null }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const log = useApp('monitor', (s) => s.log);
  const names = useApp('pipelines', (s) => s.pipelines);
  const [filter, setFilter] = useState<Omit<LogFilter, 'pipelineId'> & { scope: 'pipeline' | 'all' }>({ ...DEFAULT_FILTER, scope: 'pipeline' });
  const effective = useMemo((): LogFilter => ({ ...filter, pipelineId: filter.scope === 'pipeline' ? pipelineId : null }), [filter, pipelineId]);
  const wording = useCallback((e: LogEntry) => logLine(e, i18n, fmt), [i18n, fmt]);
  const { shown, total } = useMemo(() => filterLog(log, effective, 300, wording), [log, effective, wording]);
  const counts = useMemo(() => countByKind(log, effective, wording), [log, effective, wording]);
  const nameOf = (id: string | undefined) => names.find((p) => p.spec.id === id)?.spec.name ?? id ?? '';
  const toggle = (k: LogEntry['kind']) => setFilter((f) => ({ ...f, kinds: f.kinds.includes(k) ? f.kinds.filter((x) => x !== k) : [...f.kinds, k] }));

  return (
    <div className="event-log" data-testid="event-log">
      <div className="log-filters" role="group" aria-label={t('monitor.log.filters')}>
        <div className="kind-toggles">
          {LOG_KINDS.map((k) => (
            <button key={k} type="button" className={`toggle kind-${k}`} aria-pressed={filter.kinds.includes(k)} onClick={() => toggle(k)} data-testid={`log-kind-${k}`}>
              {t(`monitor.log.kind.${k}`)} <span className="count">{fmt.number(counts[k])}</span>
            </button>
          ))}
        </div>
        <select className="select select-sm" value={filter.level} onChange={(e) => setFilter((f) => ({ ...f, level: e.target.value as LogFilter['level'] }))} aria-label={t('monitor.log.level')} data-testid="log-level">
          <option value="all">{t('monitor.log.level.all')}</option>
          <option value="problems">{t('monitor.log.level.problems')}</option>
        </select>
        <select className="select select-sm" value={filter.scope} onChange={(e) => setFilter((f) => ({ ...f, scope: e.target.value as 'pipeline' | 'all' }))} aria-label={t('monitor.log.scope')} data-testid="log-scope">
          <option value="pipeline">{t('monitor.log.scope.pipeline')}</option>
          <option value="all">{t('monitor.log.scope.all')}</option>
        </select>
        <input className="input input-sm log-search" type="search" value={filter.text} onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))} placeholder={t('monitor.log.search')} aria-label={t('monitor.log.search')} data-testid="log-search" />
      </div>
      {shown.length === 0 ? (
        <p className="muted log-empty">{t('monitor.log.empty')}</p>
      ) : (
        <ol className="log-list" aria-label={t('monitor.tab.log')} tabIndex={0}>
          {shown.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`log-entry level-${e.level}`} data-kind={e.kind} data-testid="log-entry">
              <time className="mono log-time" dateTime={new Date(e.at).toISOString()} title={fmt.timestamp(e.at)}>
                {fmt.time(e.at)}
              </time>
              <span className={`log-level level-${e.level}`} title={t(`monitor.log.levelName.${e.level}`)}>
                <Icon name={LEVEL_ICON[e.level]} size={14} />
                <span className="visually-hidden">{t(`monitor.log.levelName.${e.level}`)}</span>
              </span>
              <span className={`log-kind kind-${e.kind}`}>{t(`monitor.log.kind.${e.kind}`)}</span>
              <div className="log-body">
                {filter.scope === 'all' && e.pipelineId ? <span className="log-pipeline">{nameOf(e.pipelineId)}</span> : null}
                <span className="log-message">{wording(e)}</span>
                {e.detail && e.kind !== 'state' ? <span className="log-detail mono">{logDetail(e.detail, i18n, fmt)}</span> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {total > shown.length ? <p className="muted small">{t('monitor.log.more', { shown: fmt.number(shown.length), total: fmt.number(total) })}</p> : null}
    </div>
  );
});
