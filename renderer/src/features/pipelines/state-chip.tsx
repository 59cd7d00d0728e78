// A pipeline's state as a chip (icon + translated text, tone by severity) and, for retrying and
// failed pipelines, the cause in words next to it, so state is never told by colour alone.
import type { LogText } from '../../../../shared/log-text';
import type { PipelineState } from '../../../../shared/pipeline-status';
import { Chip, type Tone } from '../../components/chip';
import { Icon, type IconName } from '../../components/icons';
import { useI18n } from '../../i18n/context';
import { causeLine } from '../../i18n/log-line';
import { Glyph, type GlyphName } from './glyphs';

type Look = [Tone, IconName | 'spinner' | { glyph: GlyphName }];
const look: Record<PipelineState, Look> = {
  idle: ['neutral', 'dot'],
  starting: ['info', 'spinner'],
  running: ['ok', 'checkCircle'],
  paused: ['warn', { glyph: 'pause' }],
  retrying: ['warn', 'spinner'],
  stopping: ['info', 'spinner'],
  stopped: ['neutral', { glyph: 'stop' }],
  failed: ['danger', 'error'],
};

export const stateTone = (state: PipelineState): Tone => look[state][0];

/** Where a state's cause comes from: the pipeline's status (or a brief of it). */
export interface CauseProps {
  cause?: string | undefined;
  causeText?: LogText | undefined;
}

export function PipelineStateChip({ state, cause, causeText }: { state: PipelineState } & CauseProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [tone, icon] = look[state];
  return (
    <span className="state-chip" data-state={state}>
      <Chip tone={tone} icon={typeof icon === 'object' ? null : icon} title={causeLine(cause, causeText, i18n, i18n.fmt)} testId="pipeline-state">
        {typeof icon === 'object' ? <Glyph name={icon.glyph} size={12} /> : null}
        {t(`pipeline.state.${state}`)}
      </Chip>
    </span>
  );
}

/** The cause line of a retrying or failed pipeline ("Milvus unavailable: connect ECONNREFUSED"). */
export function StateCause({ state, cause, causeText }: { state: PipelineState } & CauseProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!cause || (state !== 'retrying' && state !== 'failed' && state !== 'paused' && state !== 'starting')) return null;
  return (
    <p className={`state-cause tone-${look[state][0]}`} data-testid="pipeline-cause">
      <Icon name={state === 'failed' ? 'error' : 'alert'} size={14} />
      <span>
        <span className="visually-hidden">{t('pipelines.cause')} </span>
        {causeLine(cause, causeText, i18n, i18n.fmt)}
      </span>
    </p>
  );
}
