// A pipeline's state as a chip: icon + translated text, tone by severity.
import type { PipelineState } from '../../../../shared/pipeline-status';
import { Chip, type Tone } from '../../components/chip';
import type { IconName } from '../../components/icons';
import { useI18n } from '../../i18n/context';

const look: Record<PipelineState, [Tone, IconName | 'spinner']> = {
  idle: ['neutral', 'dot'],
  starting: ['info', 'spinner'],
  running: ['ok', 'checkCircle'],
  paused: ['warn', 'info'],
  retrying: ['warn', 'spinner'],
  stopping: ['info', 'spinner'],
  stopped: ['neutral', 'dot'],
  failed: ['danger', 'error'],
};

export function PipelineStateChip({ state, cause }: { state: PipelineState; cause?: string }) {
  const { t } = useI18n();
  const [tone, icon] = look[state];
  return (
    <Chip tone={tone} icon={icon} title={cause} testId="pipeline-state">
      {t(`pipeline.state.${state}`)}
    </Chip>
  );
}
