// Demo data generators: start one on a topic at a rate, watch them, stop them.
import type { Transport } from '../../../../../shared/contract';
import type { GetState, GeneratorSlice, SetState } from './types';

export function generatorSlice(transport: Transport, set: SetState, get: GetState): GeneratorSlice {
  return {
    generators: [],
    genForm: { topic: '', rate: 20, count: '', dim: 8 },
    genError: null,
    genStarting: false,
    setGenForm: (patch) => set((s) => ({ genForm: { ...s.genForm, ...patch } })),
    async loadGenerators() {
      const r = await transport.invoke('generator.list');
      if (r.ok) set({ generators: r.value });
    },
    async startGenerator(kafkaProfileId) {
      const f = get().genForm;
      const count = f.count.trim() === '' ? undefined : Number(f.count);
      set({ genStarting: true, genError: null });
      const r = await transport.invoke('generator.start', { kafkaProfileId, topic: f.topic, ratePerSec: f.rate, dim: f.dim, ...(count !== undefined ? { count } : {}) });
      set({ genStarting: false });
      if (!r.ok) return set({ genError: r.error });
      set((s) => ({ generators: [r.value, ...s.generators.filter((g) => g.id !== r.value.id)] }));
    },
    async stopGenerator(id) {
      const r = await transport.invoke('generator.stop', id);
      if (!r.ok) return set({ genError: r.error });
      set((s) => ({ generators: s.generators.map((g) => (g.id === id ? r.value : g)) }));
    },
  };
}

export function subscribeGeneratorEvents(transport: Transport, set: SetState): void {
  transport.on('generator.state', (g) =>
    set((s) => ({ generators: s.generators.some((x) => x.id === g.id) ? s.generators.map((x) => (x.id === g.id ? g : x)) : [g, ...s.generators] })),
  );
}
