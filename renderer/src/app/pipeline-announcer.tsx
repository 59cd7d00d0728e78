// Pipeline state changes, said by screen readers on every page: one polite live region naming the
// pipeline, its new state and, when there is one, the cause. Pipelines that appear (first load, a
// new one) are not announced; only changes of state are.
import { useEffect, useRef, useState } from 'react';
import type { PipelineState } from '../../../shared/pipeline-status';
import { useI18n } from '../i18n/context';
import { useApp } from '../stores/context';

const WITH_CAUSE: readonly PipelineState[] = ['retrying', 'failed', 'paused'];

export function PipelineAnnouncer() {
  const { t } = useI18n();
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const seen = useRef<Map<string, PipelineState> | null>(null);
  const [text, setText] = useState('');
  useEffect(() => {
    const before = seen.current;
    seen.current = new Map(pipelines.map((p) => [p.spec.id, p.status.state]));
    if (!before) return;
    const changed = pipelines.filter((p) => before.has(p.spec.id) && before.get(p.spec.id) !== p.status.state);
    if (!changed.length) return;
    const said = changed.map(({ spec, status }) => {
      const vars = { name: spec.name, state: t(`pipeline.state.${status.state}`), cause: status.cause ?? '' };
      return t(status.cause && WITH_CAUSE.includes(status.state) ? 'pipelines.announceCause' : 'pipelines.announce', vars);
    });
    setText(said.join(' '));
  }, [pipelines, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="pipeline-announcer">
      {text}
    </div>
  );
}
