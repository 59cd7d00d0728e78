// One pipeline in the list: name, state with its cause, route, live counters, lifecycle controls and
// row actions (monitor, duplicate, reset offsets when stopped, delete).
import type { PipelineView } from '../../../../shared/contract';
import { useLayoutEffect, useRef } from 'react';
import type { AppError } from '../../../../shared/errors';
import { BusyButton } from '../../components/busy-button';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp } from '../../stores/context';
import { Glyph } from './glyphs';
import { LifecycleButtons } from './lifecycle-buttons';
import { PipelineStateChip, StateCause } from './state-chip';

export interface CardActions {
  onMonitor(v: PipelineView): void;
  onDuplicate(v: PipelineView): void;
  onReset(v: PipelineView): void;
  onDelete(v: PipelineView): void;
  onError(e: AppError): void;
}

export const canReset = (v: PipelineView): boolean => ['idle', 'stopped', 'failed'].includes(v.status.state);

/** `focus`: the card's title takes focus (the pipeline was just created from the form). */
export function PipelineCard({ view, focus, ...a }: { view: PipelineView; focus?: boolean } & CardActions) {
  const { t, fmt } = useI18n();
  const { spec, status } = view;
  const busy = useApp('pipelines', (s) => s.busy[spec.id]);
  const title = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focus) title.current?.focus();
  }, [focus]);
  const c = status.counters;
  const stats: [string, number, string][] = [
    [t('monitor.counter.consumed'), c.consumed, 'consumed'],
    [t('monitor.counter.written'), c.written, 'written'],
    [t('monitor.counter.deadLettered'), c.deadLettered, 'dead-lettered'],
    [t('monitor.counter.retries'), c.retries, 'retries'],
  ];
  return (
    <li className="card pipeline-card" data-testid={`pipeline-${spec.id}`} data-name={spec.name} data-state={status.state}>
      <div className="pipeline-head">
        <div className="pipeline-title">
          <h2 ref={title} tabIndex={-1}>
            {spec.name}
          </h2>
          <PipelineStateChip state={status.state} cause={status.cause} causeText={status.causeText} />
        </div>
        <div className="row-actions">
          <BusyButton type="button" className="icon-btn" onClick={() => a.onDuplicate(view)} busy={busy !== undefined} aria-label={t('pipelines.duplicateNamed', { name: spec.name })} title={t('common.duplicate')} data-testid="pipeline-duplicate">
            <Icon name="copy" />
          </BusyButton>
          <BusyButton
            type="button"
            className="icon-btn"
            onClick={() => a.onReset(view)}
            disabled={!canReset(view)}
            busy={busy !== undefined}
            aria-label={t('pipelines.resetNamed', { name: spec.name })}
            title={canReset(view) ? t('pipelines.reset.action') : t('pipelines.reset.stopFirst')}
            data-testid="pipeline-reset"
          >
            <Glyph name="rewind" />
          </BusyButton>
          <BusyButton type="button" className="icon-btn danger" onClick={() => a.onDelete(view)} busy={busy !== undefined} aria-label={t('pipelines.deleteNamed', { name: spec.name })} title={t('common.delete')} data-testid="pipeline-delete">
            <Icon name="trash" />
          </BusyButton>
        </div>
      </div>
      <p className="pipeline-route mono">
        <span className="route-part" title={status.topics.join(', ')}>
          {status.topics.join(', ')}
        </span>
        <Icon name="arrowRight" size={13} />
        <span className="route-part">{status.collection}</span>
      </p>
      <StateCause state={status.state} cause={status.cause} causeText={status.causeText} />
      <dl className="pipeline-stats">
        {stats.map(([label, n, id]) => (
          <div key={id} data-testid={`stat-${id}`}>
            <dt>{label}</dt>
            <dd className="mono">{fmt.number(n)}</dd>
          </div>
        ))}
      </dl>
      <div className="pipeline-foot">
        <LifecycleButtons view={view} onError={a.onError} />
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => a.onMonitor(view)} data-testid="pipeline-monitor">
          <Icon name="chart" size={14} />
          {t('pipelines.monitor')}
        </button>
      </div>
    </li>
  );
}
