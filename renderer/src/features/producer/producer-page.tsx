// Producer: test messages built from the collection schema, checked live with the pipeline's rules,
// followed from Kafka into Milvus; vector search on the collection; demo data generators.
import { useEffect } from 'react';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/context';
import { useApp, useStores } from '../../stores/context';
import { NeedsConnections, useMissingConnections } from '../connections/needs-connections';
import { GeneratorCard } from './generator-card';
import { MessageCard } from './message-card';
import { ProblemPanel } from './problem-panel';
import { SearchCard } from './search-card';
import { TargetCard, useTargetActions } from './target-card';
import { VerifyPanel } from './verify-panel';
import './producer.css';
import './producer-results.css';

const ACTIVE = new Set(['running', 'retrying', 'starting', 'paused']);

/** First visit: the first running pipeline (else any), else the first connections. */
function useInitialTarget() {
  const { producer, pipelines: pipelinesStore } = useStores();
  const actions = useTargetActions();
  const profiles = useApp('connections', (s) => s.profiles);
  const pipelines = useApp('pipelines', (s) => s.pipelines);
  const pipelinesLoaded = useApp('pipelines', (s) => s.loaded);
  const target = useApp('producer', (s) => s.target);

  useEffect(() => {
    void pipelinesStore.getState().load();
    void producer.getState().loadSaved();
    void producer.getState().loadGenerators();
    const s = producer.getState();
    const kafka = profiles.find((p) => p.id === s.target.kafkaProfileId);
    const milvus = profiles.find((p) => p.id === s.target.milvusProfileId);
    if (kafka && s.topics.status === 'idle') void s.loadTopics(kafka);
    if (milvus && s.collections.status === 'idle') void s.loadCollections(milvus);
    if (s.target.collection && s.template.status !== 'ok') void s.loadTemplate(s.value === '');
    // once per visit; the lists refresh through their own actions
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (target.kafkaProfileId || target.milvusProfileId || !pipelinesLoaded) return;
    const pick = pipelines.find((v) => ACTIVE.has(v.status.state)) ?? pipelines[0];
    if (pick) return actions.pickPipeline(pick);
    const kafka = profiles.find((p) => p.kind === 'kafka');
    const milvus = profiles.find((p) => p.kind === 'milvus');
    if (kafka) actions.pickKafka(kafka.id);
    if (milvus) actions.pickMilvus(milvus.id);
  }, [pipelines, pipelinesLoaded, profiles, target.kafkaProfileId, target.milvusProfileId, actions]);
}

function ProducerWorkspace() {
  useInitialTarget();
  const topics = useApp('producer', (s) => s.topics);
  const collections = useApp('producer', (s) => s.collections);
  const template = useApp('producer', (s) => s.template);
  return (
    <div className="producer" data-testid="producer">
      <TargetCard />
      {topics.status === 'error' ? <ProblemPanel error={topics.error} testId="producer-topics-error" /> : null}
      {collections.status === 'error' ? <ProblemPanel error={collections.error} testId="producer-collections-error" /> : null}
      {template.status === 'error' ? <ProblemPanel error={template.error} testId="producer-template-error" /> : null}
      <div className="producer-grid">
        <MessageCard />
        <VerifyPanel />
      </div>
      <SearchCard />
      <GeneratorCard />
    </div>
  );
}

export function ProducerPage() {
  const { t } = useI18n();
  const missing = useMissingConnections('kafka');
  return (
    <Page title={t('nav.producer')} description={t('producer.description')} testId="page-producer">
      {missing ? <NeedsConnections need="kafka" testId="producer-empty" /> : <ProducerWorkspace />}
    </Page>
  );
}
