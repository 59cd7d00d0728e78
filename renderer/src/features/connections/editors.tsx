// A connection form plus its "Test connection" panel, wired to the connections store. Used by the
// wizard steps and by the profile editor.
import { useMemo } from 'react';
import type { KafkaTarget, MilvusTarget } from '../../../../shared/domain';
import { useApp } from '../../stores/context';
import { kafkaTestKey, milvusTestKey } from '../../stores/connections-store';
import { kafkaFormToConnection, milvusFormToConnection, type KafkaForm, type MilvusForm } from './form-model';
import { KafkaFormView } from './kafka-form';
import { MilvusFormView } from './milvus-form';
import { KafkaResult, MilvusResult, TestPanel } from './test-panel';

interface EditorProps<F> {
  form: F;
  onChange: (patch: Partial<F>) => void;
  /** Set when the form shows a saved profile: tests then let main fill its masked secrets. */
  profileId?: string;
  showErrors: boolean;
  onShowErrors: () => void;
}

export function useKafkaTarget(form: KafkaForm, profileId: string | undefined) {
  return useMemo(() => {
    const conv = kafkaFormToConnection(form);
    const target: KafkaTarget | null = conv.ok ? { kafka: conv.value, ...(profileId ? { profileId } : {}) } : null;
    return { conv, target, key: target ? kafkaTestKey(target) : null };
  }, [form, profileId]);
}

export function useMilvusTarget(form: MilvusForm, profileId: string | undefined) {
  return useMemo(() => {
    const conv = milvusFormToConnection(form);
    const target: MilvusTarget | null = conv.ok ? { milvus: conv.value, ...(profileId ? { profileId } : {}) } : null;
    return { conv, target, key: target ? milvusTestKey(target) : null };
  }, [form, profileId]);
}

export function KafkaEditor({ form, onChange, profileId, showErrors, onShowErrors }: EditorProps<KafkaForm>) {
  const { conv, target, key } = useKafkaTarget(form, profileId);
  const state = useApp('connections', (s) => s.kafkaTest);
  const test = useApp('connections', (s) => s.testKafka);
  return (
    <>
      <KafkaFormView form={form} onChange={onChange} errors={showErrors && !conv.ok ? conv.errors : {}} />
      <TestPanel
        kind="kafka"
        state={state}
        currentKey={key}
        onTest={() => (target ? void test(target) : onShowErrors())}
        renderResult={(r) => <KafkaResult result={r} />}
      />
    </>
  );
}

export function MilvusEditor({ form, onChange, profileId, showErrors, onShowErrors }: EditorProps<MilvusForm>) {
  const { conv, target, key } = useMilvusTarget(form, profileId);
  const state = useApp('connections', (s) => s.milvusTest);
  const test = useApp('connections', (s) => s.testMilvus);
  const databases = state.status === 'ok' && state.key === key ? state.result.databases : null;
  return (
    <>
      <MilvusFormView form={form} onChange={onChange} errors={showErrors && !conv.ok ? conv.errors : {}} databases={databases} />
      <TestPanel
        kind="milvus"
        state={state}
        currentKey={key}
        onTest={() => (target ? void test(target) : onShowErrors())}
        renderResult={(r) => <MilvusResult result={r} />}
      />
    </>
  );
}
