// The monitor's header pieces: which pipeline (with its state, cause and controls), the time window,
// CSV export of the visible series and the presentation layout.
import { memo } from 'react';
import type { PipelineView } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { PipelineState } from '../../../../shared/pipeline-status';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { Glyph } from '../pipelines/glyphs';
import { LifecycleButtons } from '../pipelines/lifecycle-buttons';
import { PipelineStateChip, StateCause } from '../pipelines/state-chip';
import { WINDOWS, type WindowSec } from './series';

export function WindowPicker() {
  const { t } = useI18n();
  const { monitor } = useStores();
  const value = useApp('monitor', (s) => s.windowSec);
  return (
    <div className="segmented" role="radiogroup" aria-label={t('monitor.window')} data-testid="monitor-window">
      {WINDOWS.map((w: WindowSec) => (
        <label key={w} className={w === value ? 'segment active' : 'segment'}>
          <input type="radio" name="monitor-window" value={w} checked={w === value} onChange={() => monitor.getState().setWindow(w)} data-testid={`window-${w}`} />
          {t(`monitor.window.${w}`)}
        </label>
      ))}
    </div>
  );
}

export function MonitorActions({ onCsv, disabled }: { onCsv: () => void; disabled: boolean }) {
  const { t } = useI18n();
  const { monitor } = useStores();
  return (
    <>
      <WindowPicker />
      <button type="button" className="btn btn-secondary" onClick={onCsv} disabled={disabled} data-testid="monitor-csv">
        <Icon name="download" size={15} />
        {t('monitor.csv')}
      </button>
      <button type="button" className="btn btn-secondary" onClick={() => monitor.getState().setPresentation(true)} disabled={disabled} data-testid="monitor-present">
        <Glyph name="maximize" size={15} />
        {t('monitor.present')}
      </button>
    </>
  );
}

export const PipelineBar = memo(function PipelineBar(props: { id: string; view: PipelineView | undefined; state: PipelineState; onError: (e: AppError) => void }) {
  const { t } = useI18n();
  const { monitor } = useStores();
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const { view } = props;
  const options = pipelines.map((p) => ({ id: p.spec.id, label: `${p.spec.name} · ${t(`pipeline.state.${p.status.state}`)}` }));
  if (!view) options.push({ id: props.id, label: props.id });
  return (
    <section className="card monitor-bar" aria-label={t('monitor.pipeline')} data-testid="monitor-bar" data-state={props.state}>
      <div className="monitor-bar-main">
        <select className="select pipeline-select" value={props.id} onChange={(e) => monitor.getState().select(e.target.value)} aria-label={t('monitor.pipeline')} data-testid="monitor-pipeline">
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <PipelineStateChip state={props.state} cause={view?.status.cause} causeText={view?.status.causeText} />
        {view ? (
          <span className="mono muted small monitor-route">
            {view.status.topics.join(', ')} <Icon name="arrowRight" size={12} /> {view.status.collection}
          </span>
        ) : null}
        <div className="monitor-bar-actions">{view ? <LifecycleButtons view={view} onError={props.onError} /> : null}</div>
      </div>
      {view ? <StateCause state={view.status.state} cause={view.status.cause} causeText={view.status.causeText} /> : null}
    </section>
  );
});
