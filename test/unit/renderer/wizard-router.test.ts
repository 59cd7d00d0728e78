import { describe, expect, it } from 'vitest';
import { SECRET_MASK, type ProfileView, type SandboxStatus } from '../../../shared/domain';
import { parseRoute, routeHref, type Route } from '../../../renderer/src/stores/router-store';
import { createWizardStore, planWizardSave } from '../../../renderer/src/stores/wizard-store';

describe('routes', () => {
  it('parse and print hash routes', () => {
    const routes: Route[] = [
      { page: 'connections', view: 'list' },
      { page: 'connections', view: 'wizard' },
      { page: 'connections', view: 'edit', id: 'a b/c' },
      { page: 'monitor' },
      { page: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
    expect(parseRoute('')).toEqual({ page: 'connections', view: 'list' });
    expect(parseRoute('#/nope')).toEqual({ page: 'connections', view: 'list' });
  });
});

const sandbox: SandboxStatus = {
  kafka: 'up',
  milvus: 'up',
  kafkaConnection: { brokers: ['127.0.0.1:9092'], securityProtocol: 'PLAINTEXT' },
  milvusConnection: { address: 'http://127.0.0.1:19530' },
};
const names = { kafka: 'Sandbox Kafka', milvus: 'Sandbox Milvus' };

describe('wizard', () => {
  it('fills both steps from the sandbox and plans two new profiles', () => {
    const w = createWizardStore();
    w.getState().fillFromSandbox(sandbox, names, []);
    const plan = planWizardSave(w.getState());
    expect(plan).toEqual({
      ok: true,
      kafka: { save: { name: 'Sandbox Kafka', kind: 'kafka', kafka: sandbox.kafkaConnection } },
      milvus: { save: { name: 'Sandbox Milvus', kind: 'milvus', milvus: sandbox.milvusConnection } },
    });
  });

  it('reuses saved sandbox profiles instead of saving them again', () => {
    const saved: ProfileView[] = [
      { id: 'k', name: 'My sandbox', kind: 'kafka', sandbox: true, updatedAt: 0, kafka: sandbox.kafkaConnection },
      { id: 'm', name: 'Other Milvus', kind: 'milvus', updatedAt: 0, milvus: { address: 'x' } },
    ];
    const w = createWizardStore();
    w.getState().fillFromSandbox(sandbox, names, saved);
    const plan = planWizardSave(w.getState());
    expect(plan.ok && plan.kafka).toEqual({ reuse: 'k' });
    expect(plan.ok && plan.milvus).toEqual({ save: { name: 'Sandbox Milvus', kind: 'milvus', milvus: sandbox.milvusConnection } });
  });

  it('updates a picked profile when it was changed, keeping its masked secret', () => {
    const picked: ProfileView = {
      id: 'p',
      name: 'prod',
      kind: 'kafka',
      updatedAt: 0,
      kafka: { brokers: ['a:9092'], securityProtocol: 'SASL_SSL', sasl: { mechanism: 'PLAIN', username: 'u', password: SECRET_MASK } },
    };
    const w = createWizardStore();
    w.getState().pick(picked);
    w.getState().setKafka({ brokers: 'a:9092, b:9092' });
    w.getState().setMilvus({ address: 'x:19530' });
    w.getState().setName('milvus', 'm');
    const plan = planWizardSave(w.getState());
    expect(plan.ok && plan.kafka).toEqual({
      save: { id: 'p', name: 'prod', kind: 'kafka', kafka: { ...picked.kafka, brokers: ['a:9092', 'b:9092'] } },
    });
  });

  it('says which step is invalid or that names are missing', () => {
    const w = createWizardStore();
    expect(planWizardSave(w.getState())).toEqual({ ok: false, invalid: 'kafka' });
    w.getState().setKafka({ brokers: 'a:1' });
    expect(planWizardSave(w.getState())).toEqual({ ok: false, invalid: 'milvus' });
    w.getState().setMilvus({ address: 'x' });
    expect(planWizardSave(w.getState())).toEqual({ ok: false, invalid: 'names' });
    w.getState().reset();
    expect(w.getState().kafka.brokers).toBe('');
  });
});
