// Schema: a topic's messages side by side with a collection's fields, aligned by the mapping, each
// row judged by the engine's own converter; edit the mapping, save it into a pipeline, or create
// the collection (or the topic) from here.
import { useEffect, useMemo, useState } from 'react';
import { SelectField } from '../../components/field';
import { EmptyState } from '../../components/empty-state';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';
import { CreateCollection } from './create-collection';
import { MatchTable } from './match-table';
import { buildMatchView, decodeSample } from './match-view';
import { SaveBar } from './save-bar';
import { SourceCard } from './source-card';
import { TargetCard } from './target-card';
import { TopicFields } from './topic-fields';
import { VerdictBanner } from './verdict-banner';
import './schema.css';

export function SchemaPage() {
  const { t } = useI18n();
  const missing = useMissingConnections('both');
  return (
    <Page title={t('nav.schema')} description={t('schema.description')} testId="page-schema" actions={missing ? undefined : <PipelinePicker />}>
      {missing ? <NeedsConnections need="both" testId="schema-empty" /> : <Workspace />}
    </Page>
  );
}

function PipelinePicker() {
  const { t } = useI18n();
  const stores = useStores();
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const pipelineId = useApp('schema', (s) => s.pipelineId);
  if (pipelines.length === 0) return null;
  return (
    <SelectField
      className="schema-pipeline-picker"
      label={t('schema.pipeline.pick')}
      value={pipelineId ?? ''}
      options={[{ value: '', label: t('schema.pipeline.none') }, ...pipelines.map((p) => ({ value: p.spec.id, label: p.spec.name }))]}
      onValue={(id) => {
        const view = pipelines.find((p) => p.spec.id === id);
        if (view) void stores.schema.getState().startFromPipeline(view, stores.connections.getState().profiles);
        else stores.schema.getState().detachPipeline();
      }}
      data-testid="schema-pipeline"
    />
  );
}

function Workspace() {
  const { t } = useI18n();
  const sample = useApp('schema', (s) => s.sample);
  const schema = useApp('schema', (s) => s.schema);
  const options = useApp('schema', (s) => s.options);
  const milvusChosen = useApp('schema', (s) => s.milvusProfile !== null);
  const [creating, setCreating] = useState(false);
  // Where focus goes when the form closes: the verdict it led to, or the button that opened it.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);

  const values = useMemo(() => (sample.status === 'ok' ? decodeSample(sample.value, options.valueFormat) : null), [sample, options.valueFormat]);
  const view = useMemo(
    () => (sample.status === 'ok' && schema.status === 'ok' && values ? buildMatchView(sample.value, values, schema.value, options) : null),
    [sample, schema, values, options],
  );
  const canCreate = sample.status === 'ok' && sample.value.messages.length > 0 && milvusChosen;

  useEffect(() => {
    if (!focusAfter || creating) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, creating, view]);
  const closeForm = (created: boolean) => {
    setCreating(false);
    setFocusAfter(created ? 'schema-verdict-title' : 'schema-create-collection');
  };

  let body;
  if (creating && sample.status === 'ok') body = <CreateCollection key={sample.value.topic} sample={sample.value} onClose={closeForm} />;
  else if (view && sample.status === 'ok' && schema.status === 'ok') {
    body = (
      <>
        <VerdictBanner report={view.report} />
        <MatchTable view={view} sample={sample.value} collection={schema.value} />
        <SaveBar />
      </>
    );
  } else if (sample.status === 'ok') body = <TopicFields sample={sample.value} onCreate={canCreate ? () => setCreating(true) : null} />;
  else {
    body = <EmptyState icon="schema" title={t('schema.empty.title')} body={t('schema.guide')} testId="schema-guide" />;
  }

  return (
    <div className="schema-workspace">
      <div className="schema-sides">
        <SourceCard />
        <TargetCard onCreate={() => setCreating(true)} />
      </div>
      {body}
    </div>
  );
}
