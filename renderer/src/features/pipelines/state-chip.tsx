// A pipeline's state as a chip (icon + translated text, tone by severity) and, for retrying and
// failed pipelines, the cause in words next to it, so state is never told by colour alone.
import type { PipelineState } from '../../../../shared/pipeline-status';
import { Chip, type Tone } from '../../components/chip';
import { Icon, type IconName } from '../../components/icons';
import { useI18n } from '../../i18n/context';
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

export function PipelineStateChip({ state, cause }: { state: PipelineState; cause?: string }) {
  const { t } = useI18n();
  const [tone, icon] = look[state];
  return (
    <span className="state-chip" data-state={state}>
      <Chip tone={tone} icon={typeof icon === 'object' ? null : icon} title={cause} testId="pipeline-state">
        {typeof icon === 'object' ? <Glyph name={icon.glyph} size={12} /> : null}
        {t(`pipeline.state.${state}`)}
      </Chip>
    </span>
  );
}

/** The cause line of a retrying or failed pipeline ("Milvus unavailable: connect ECONNREFUSED"). */
export function StateCause({ state, cause }: { state: PipelineState; cause?: string }) {
  const { t } = useI18n();
  if (!cause || (state !== 'retrying' && state !== 'failed' && state !== 'paused' && state !== 'starting')) return null;
  return (
    <p className={`state-cause tone-${look[state][0]}`} data-testid="pipeline-cause">
      <Icon name={state === 'failed' ? 'error' : 'alert'} size={14} />
      <span>
        <span className="visually-hidden">{t('pipelines.cause')} </span>
        {cause}
      </span>
    </p>
  );
}
