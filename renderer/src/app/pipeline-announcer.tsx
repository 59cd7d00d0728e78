// Pipeline state changes, said by screen readers on every page: one polite live region naming the
// pipeline, its new state and, when there is one, the cause. The pipelines store records the
// changes; this only puts them into words.
import type { PipelineState } from '../../../shared/pipeline-status';
import { useI18n } from '../i18n/context';
import { causeLine } from '../i18n/log-line';
import { useApp } from '../stores/context';

const WITH_CAUSE: readonly PipelineState[] = ['retrying', 'failed', 'paused'];

export function PipelineAnnouncer() {
  const i18n = useI18n();
  const { t } = i18n;
  const announced = useApp('pipelines', (s) => s.announced);
  const text = announced.changes
    .map(({ name, state, cause, causeText }) =>
      t(cause && WITH_CAUSE.includes(state) ? 'pipelines.announceCause' : 'pipelines.announce', { name, state: t(`pipeline.state.${state}`), cause: causeLine(cause, causeText, i18n, i18n.fmt) ?? '' }),
    )
    .join(' ');
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="pipeline-announcer" data-seq={announced.seq}>
      {text}
    </div>
  );
}
