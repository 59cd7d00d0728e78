// Topics of the chosen Kafka profile (kafka.listTopics) as a checkbox list with partitions and
// retained records; a filter box once the list is long. Several topics can feed one pipeline.
import { useId, useMemo, useState } from 'react';
import type { TopicInfo } from '../../../../shared/domain';
import { Icon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useI18n } from '../../i18n/context';
import type { Remote } from '../../stores/pipelines-store';
import { ErrorPanel } from '../connections/error-panel';

export function TopicPicker(props: { list: Remote<TopicInfo[]> | undefined; value: string[]; onChange: (v: string[]) => void; onRefresh: () => void; error?: string }) {
  const { t, plural } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  const topics = useMemo(() => (props.list?.status === 'ok' ? props.list.value : []), [props.list]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q ? topics.filter((x) => x.name.toLowerCase().includes(q)) : topics;
  }, [topics, filter]);
  const toggle = (name: string, on: boolean) => props.onChange(on ? [...props.value, name] : props.value.filter((n) => n !== name));

  return (
    <fieldset className="fieldset topic-picker" aria-describedby={props.error ? `${id}-err` : undefined} data-testid="topic-picker">
      <legend>{t('pipelines.form.topics')}</legend>
      <div className="topic-tools">
        {topics.length > 8 ? (
          <input className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('pipelines.form.topicFilter')} aria-label={t('pipelines.form.topicFilter')} data-testid="topic-filter" />
        ) : null}
        <button type="button" className="btn btn-ghost btn-sm" onClick={props.onRefresh} data-testid="topics-refresh">
          <Icon name="refresh" size={14} />
          {t('pipelines.form.refresh')}
        </button>
      </div>
      {props.list === undefined ? (
        <p className="muted small">{t('pipelines.form.pickKafka')}</p>
      ) : props.list.status === 'loading' ? (
        <p className="muted small loading-line">
          <Spinner size={14} /> {t('pipelines.form.loadingTopics')}
        </p>
      ) : props.list.status === 'error' ? (
        <ErrorPanel error={props.list.error} testId="topics-error" />
      ) : topics.length === 0 ? (
        <p className="muted small">{t('pipelines.form.noTopics')}</p>
      ) : (
        <ul className="topic-list" aria-label={t('pipelines.form.topics')} tabIndex={0}>
          {shown.map((x) => (
            <li key={x.name}>
              <label className="topic-option">
                <input type="checkbox" checked={props.value.includes(x.name)} onChange={(e) => toggle(x.name, e.target.checked)} data-testid={`topic-${x.name}`} />
                <span className="mono topic-name">{x.name}</span>
                <span className="muted small">
                  {[plural('pipelines.form.partitions', x.partitions), x.messages === undefined ? null : plural('pipelines.form.records', x.messages)].filter(Boolean).join(' · ')}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.error ? (
        <p className="field-error" id={`${id}-err`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
