// Start / pause / resume / stop for one pipeline, offered by state; used on the pipelines page and
// in the monitor. Errors go to the caller (shown as an error panel there).
import type { PipelineView } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/errors';
import type { PipelineState } from '../../../../shared/pipeline-status';
import { BusyButton } from '../../components/busy-button';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import type { LifecycleAction } from '../../stores/pipelines-store';
import { Glyph, type GlyphName } from './glyphs';

const OFFERED: Record<PipelineState, LifecycleAction[]> = {
  idle: ['start'],
  stopped: ['start'],
  failed: ['start'],
  starting: ['stop'],
  running: ['pause', 'stop'],
  retrying: ['pause', 'stop'],
  paused: ['resume', 'stop'],
  stopping: [],
};

const GLYPH: Record<LifecycleAction, GlyphName> = { start: 'play', pause: 'pause', resume: 'play', stop: 'stop' };

export function offeredActions(state: PipelineState): LifecycleAction[] {
  return OFFERED[state];
}

export function LifecycleButtons(props: { view: PipelineView; onError: (e: AppError) => void; large?: boolean }) {
  const { t } = useI18n();
  const { pipelines } = useStores();
  const { spec, status } = props.view;
  const busy = useApp('pipelines', (s) => s.busy[spec.id]);
  const size = props.large ? '' : ' btn-sm';

  async function run(action: LifecycleAction) {
    const r = await pipelines.getState().act(spec.id, action);
    if (!r.ok) props.onError(r.error);
  }

  return (
    // tabIndex -1: while no action is offered (stopping), focus can wait here for the next one.
    <div className="lifecycle" role="group" aria-label={t('pipelines.controls', { name: spec.name })} tabIndex={-1}>
      {OFFERED[status.state].map((action) => (
        <BusyButton
          key={action}
          type="button"
          className={`btn ${action === 'start' || action === 'resume' ? 'btn-primary' : 'btn-secondary'}${size}`}
          busy={busy !== undefined}
          onClick={() => void run(action)}
          aria-label={t(`pipelines.action.${action}.named`, { name: spec.name })}
          data-testid={`pipeline-${action}`}
        >
          {busy === action ? <Spinner size={13} /> : <Glyph name={GLYPH[action]} size={14} />}
          {t(`pipelines.action.${action}`)}
        </BusyButton>
      ))}
      {status.state === 'stopping' ? (
        <span className="muted small lifecycle-wait">
          <Spinner size={13} /> {t('pipeline.state.stopping')}
        </span>
      ) : null}
    </div>
  );
}
