// The message, sending it (once, or N at a rate), following it to Milvus, and saved templates.
import type { Transport } from '../../../../../shared/contract';
import type { OutMessage, ProducerTarget } from '../../../../../shared/contract-producer';
import { withFreshKey } from '../message-text';
import type { GetState, MessageSlice, ProducerState, SetState } from './types';

export function producerTarget(s: ProducerState): ProducerTarget {
  const { kafkaProfileId, topic, milvusProfileId, collection, database } = s.target;
  return { kafkaProfileId, topic, milvusProfileId, collection, ...(database ? { database } : {}) };
}

export function outMessage(s: ProducerState): OutMessage {
  const m: OutMessage = { value: s.value, headers: s.headers.filter((h) => h.key.trim() !== '') };
  if (s.key !== '') m.key = s.key;
  const p = s.partition.trim();
  if (p !== '' && /^\d+$/.test(p)) m.partition = Number(p);
  const tmpl = s.template.status === 'ok' ? s.template.value : undefined;
  if (tmpl?.trackField) m.trackField = tmpl.trackField;
  return m;
}

export function messageSlice(transport: Transport, set: SetState, get: GetState): MessageSlice {
  const verify = async (receiptId: string) => {
    set({ verifying: true });
    const r = await transport.invoke('producer.verify', receiptId, { timeoutMs: get().timeoutSec * 1000 });
    if (get().receipt?.id !== receiptId) return;
    set({ verifying: false, verify: r.ok ? r.value : { kind: 'error', error: r.error } });
  };

  /** After a send, the next message gets a new key so it is a new row (when asked). */
  const freshKey = () => {
    const s = get();
    const tmpl = s.template.status === 'ok' ? s.template.value : undefined;
    if (!s.newKeyAfterSend || !tmpl?.trackField) return;
    const field = tmpl.schema.fields.find((f) => f.name === tmpl.trackField);
    set({ value: withFreshKey(s.value, tmpl.trackField, field) });
  };

  return {
    value: '',
    key: '',
    headers: [],
    partition: '',
    newKeyAfterSend: true,
    timeoutSec: 30,
    sending: false,
    sendError: null,
    receipt: null,
    verify: null,
    verifying: false,
    batch: { count: 100, rate: 20, varyKeys: true, varyVectors: true },
    job: null,
    jobError: null,
    saved: [],

    setMessage: (patch) => set(patch),
    setBatch: (patch) => set((s) => ({ batch: { ...s.batch, ...patch } })),

    async send() {
      const s = get();
      if (s.sending) return;
      set({ sending: true, sendError: null });
      const r = await transport.invoke('producer.send', { target: producerTarget(s), message: outMessage(s) });
      if (!r.ok) return set({ sending: false, sendError: r.error });
      set({ sending: false, receipt: r.value, verify: { kind: 'waiting', elapsedMs: 0 } });
      freshKey();
      await verify(r.value.id);
    },

    async verifyAgain() {
      const receipt = get().receipt;
      if (!receipt || get().verifying) return;
      set({ verify: { kind: 'waiting', elapsedMs: 0 } });
      await verify(receipt.id);
    },

    async follow(receipt) {
      set({ receipt, verify: { kind: 'waiting', elapsedMs: 0 } });
      await verify(receipt.id);
    },

    async sendMany() {
      const s = get();
      if (s.job?.state === 'running') return;
      const { count, rate, varyKeys, varyVectors } = s.batch;
      set({ jobError: null, job: null });
      const r = await transport.invoke('producer.sendMany', { target: producerTarget(s), message: outMessage(s), count, ratePerSec: rate, vary: { keys: varyKeys, vectors: varyVectors } });
      if (!r.ok) return set({ jobError: r.error });
      set((cur) => (cur.job?.jobId === r.value.jobId ? {} : { job: r.value }));
    },

    async cancelJob() {
      const job = get().job;
      if (!job || job.state !== 'running') return;
      const r = await transport.invoke('producer.cancel', job.jobId);
      if (!r.ok) set({ jobError: r.error });
    },

    async loadSaved() {
      const r = await transport.invoke('producer.templates.list');
      if (r.ok) set({ saved: r.value });
    },

    async saveTemplate(name) {
      const s = get();
      const m = outMessage(s);
      const r = await transport.invoke('producer.templates.save', {
        name,
        message: m,
        ...(s.target.collection ? { collection: s.target.collection } : {}),
        ...(s.target.topic ? { topic: s.target.topic } : {}),
      });
      if (r.ok) set((cur) => ({ saved: [...cur.saved.filter((t) => t.id !== r.value.id), r.value].sort((a, b) => a.name.localeCompare(b.name)) }));
      return r;
    },

    applyTemplate(t) {
      set({ value: t.message.value, key: t.message.key ?? '', headers: t.message.headers, partition: t.message.partition === undefined ? '' : String(t.message.partition) });
    },

    async deleteTemplate(id) {
      const r = await transport.invoke('producer.templates.delete', id);
      if (r.ok) set((s) => ({ saved: s.saved.filter((t) => t.id !== id) }));
      return r;
    },
  };
}

/** Pushes from main: verification steps of the current message, progress of the current job. */
export function subscribeMessageEvents(transport: Transport, set: SetState, get: GetState): void {
  transport.on('producer.verify', (u) => {
    const s = get();
    if (s.receipt?.id === u.receiptId && s.verifying) set({ verify: u.state });
  });
  transport.on('producer.progress', (p) => {
    const s = get();
    if (!s.job || s.job.jobId === p.jobId) set({ job: p });
  });
}
