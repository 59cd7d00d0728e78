// The connection wizard's state (Kafka → Milvus → Review & save). Kept in a store so leaving the
// wizard and coming back keeps what was typed; the save plan is pure and unit-tested.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProfileInput, ProfileView, SandboxStatus } from '../../../shared/domain';
import {
  EMPTY_KAFKA,
  EMPTY_MILVUS,
  kafkaConnectionToForm,
  kafkaFormToConnection,
  milvusConnectionToForm,
  milvusFormToConnection,
  type KafkaForm,
  type MilvusForm,
} from '../features/connections/form-model';
import { targetKey } from './test-state';

export type WizardStep = 'kafka' | 'milvus' | 'review';
export const WIZARD_STEPS: readonly WizardStep[] = ['kafka', 'milvus', 'review'];

/** A saved profile the wizard started from: unchanged, it is reused instead of saved again. */
interface Base<F> {
  id: string;
  name: string;
  form: F;
}

export interface WizardState {
  step: WizardStep;
  kafka: KafkaForm;
  milvus: MilvusForm;
  kafkaName: string;
  milvusName: string;
  kafkaBase: Base<KafkaForm> | null;
  milvusBase: Base<MilvusForm> | null;
  showErrors: { kafka: boolean; milvus: boolean };
  go(step: WizardStep): void;
  setKafka(patch: Partial<KafkaForm>): void;
  setMilvus(patch: Partial<MilvusForm>): void;
  setName(kind: 'kafka' | 'milvus', name: string): void;
  revealErrors(kind: 'kafka' | 'milvus'): void;
  /** Loads a saved profile into its step (secrets stay masked; main fills them by profile id). */
  pick(profile: ProfileView): void;
  /** Fills both steps from a running sandbox, reusing its saved profiles if there are any. */
  fillFromSandbox(status: SandboxStatus, names: { kafka: string; milvus: string }, saved: ProfileView[]): void;
  reset(): void;
}

export type WizardStore = StoreApi<WizardState>;

const initial = {
  step: 'kafka' as WizardStep,
  kafka: EMPTY_KAFKA,
  milvus: EMPTY_MILVUS,
  kafkaName: '',
  milvusName: '',
  kafkaBase: null,
  milvusBase: null,
  showErrors: { kafka: false, milvus: false },
};

export function createWizardStore(): WizardStore {
  return createStore<WizardState>()((set, get) => ({
    ...initial,
    go: (step) => set({ step }),
    setKafka: (patch) => set((s) => ({ kafka: { ...s.kafka, ...patch } })),
    setMilvus: (patch) => set((s) => ({ milvus: { ...s.milvus, ...patch } })),
    setName: (kind, name) => set(kind === 'kafka' ? { kafkaName: name } : { milvusName: name }),
    revealErrors: (kind) => set((s) => ({ showErrors: { ...s.showErrors, [kind]: true } })),
    pick(p) {
      if (p.kind === 'kafka') {
        const form = kafkaConnectionToForm(p.kafka);
        set({ kafka: form, kafkaName: p.name, kafkaBase: { id: p.id, name: p.name, form } });
      } else {
        const form = milvusConnectionToForm(p.milvus);
        set({ milvus: form, milvusName: p.name, milvusBase: { id: p.id, name: p.name, form } });
      }
    },
    fillFromSandbox(status, names, saved) {
      const kafka = saved.find((p) => p.sandbox && p.kind === 'kafka');
      const milvus = saved.find((p) => p.sandbox && p.kind === 'milvus');
      set({
        kafka: kafkaConnectionToForm(status.kafkaConnection),
        milvus: milvusConnectionToForm(status.milvusConnection),
        kafkaName: names.kafka,
        milvusName: names.milvus,
        kafkaBase: null,
        milvusBase: null,
      });
      if (kafka) get().pick(kafka);
      if (milvus) get().pick(milvus);
    },
    reset: () => set(initial),
  }));
}

/** For each kind: reuse the picked profile, or the profile to save (an update when it came from one). */
export type SaveStep = { reuse: string } | { save: ProfileInput };
export type SavePlan = { ok: true; kafka: SaveStep; milvus: SaveStep } | { ok: false; invalid: 'kafka' | 'milvus' | 'names' };

const same = (a: unknown, b: unknown) => targetKey(a) === targetKey(b);

export function planWizardSave(s: Pick<WizardState, 'kafka' | 'milvus' | 'kafkaName' | 'milvusName' | 'kafkaBase' | 'milvusBase'>): SavePlan {
  const kafka = kafkaFormToConnection(s.kafka);
  if (!kafka.ok) return { ok: false, invalid: 'kafka' };
  const milvus = milvusFormToConnection(s.milvus);
  if (!milvus.ok) return { ok: false, invalid: 'milvus' };
  const kafkaName = s.kafkaName.trim();
  const milvusName = s.milvusName.trim();
  if (!kafkaName || !milvusName) return { ok: false, invalid: 'names' };

  const kb = s.kafkaBase;
  const mb = s.milvusBase;
  return {
    ok: true,
    kafka:
      kb && same(kb.form, s.kafka) && kb.name === kafkaName
        ? { reuse: kb.id }
        : { save: { ...(kb ? { id: kb.id } : {}), name: kafkaName, kind: 'kafka', kafka: kafka.value } },
    milvus:
      mb && same(mb.form, s.milvus) && mb.name === milvusName
        ? { reuse: mb.id }
        : { save: { ...(mb ? { id: mb.id } : {}), name: milvusName, kind: 'milvus', milvus: milvus.value } },
  };
}
