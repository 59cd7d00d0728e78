// The new-pipeline form: newest profiles preselected, derived defaults that stop following once
// edited, checks with precise problems, and the saved spec (start choice as committed + fallback).
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../shared/domain';
import { PipelineSpec } from '../../../shared/domain';
import { defaultDlqTopic, defaultGroupId, formToSpec, initialForm, nextName, patchForm, validateForm } from '../../../renderer/src/features/pipelines/form-model';
import { badOffset, partitionKey, resetTarget } from '../../../renderer/src/features/pipelines/reset-model';

const profiles: ProfileView[] = [
  { id: 'k-old', name: 'Old', kind: 'kafka', kafka: { brokers: ['a:9092'], securityProtocol: 'PLAINTEXT' }, updatedAt: 1 },
  { id: 'k-new', name: 'Wizard', kind: 'kafka', kafka: { brokers: ['b:9092'], securityProtocol: 'PLAINTEXT' }, updatedAt: 5 },
  { id: 'm-1', name: 'Milvus', kind: 'milvus', milvus: { address: 'x:19530' }, updatedAt: 3 },
];

describe('pipeline form', () => {
  it('preselects the profiles saved last and names the pipeline', () => {
    const f = initialForm(profiles, nextName('Pipeline', ['Pipeline 1']));
    expect(f).toMatchObject({ kafkaProfileId: 'k-new', milvusProfileId: 'm-1', name: 'Pipeline 2', groupId: 'kafka-milvus-studio-pipeline-2', deadLetter: true });
  });

  it('derives the dead-letter topic and the group until they are edited', () => {
    let f = initialForm(profiles, 'Orders EU');
    f = patchForm(f, { topics: ['orders'] });
    expect(f.deadLetterTopic).toBe('orders-dlq');
    f = patchForm(f, { deadLetterTopic: 'my-dlq' });
    f = patchForm(f, { topics: ['other'], name: 'Renamed' });
    expect(f.deadLetterTopic).toBe('my-dlq');
    expect(f.groupId).toBe('kafka-milvus-studio-renamed');
    f = patchForm(f, { groupId: 'custom' });
    f = patchForm(f, { name: 'Again' });
    expect(f.groupId).toBe('custom');
    expect(defaultDlqTopic([])).toBe('');
    expect(defaultGroupId('Ñandú & Co')).toBe('kafka-milvus-studio-nandu-co');
  });

  it('clears topics or the collection when their profile changes', () => {
    let f = patchForm(initialForm(profiles, 'x'), { topics: ['a'], collection: 'c' });
    f = patchForm(f, { kafkaProfileId: 'k-old' });
    expect(f.topics).toEqual([]);
    expect(f.collection).toBe('c');
    expect(patchForm(f, { milvusProfileId: 'other' }).collection).toBe('');
  });

  it('reports what is missing or wrong', () => {
    const f = { ...initialForm([], ''), batchSize: '0', start: 'timestamp' as const };
    expect(validateForm(f, [])).toEqual({
      name: 'required',
      kafkaProfileId: 'required',
      topics: 'topicsRequired',
      milvusProfileId: 'required',
      collection: 'required',
      batchSize: 'batchSize',
      deadLetterTopic: 'required',
      startAt: 'startAt',
    });
    const ok = patchForm(initialForm(profiles, 'A'), { topics: ['t'], collection: 'c' });
    expect(validateForm(ok, [])).toEqual({});
    expect(validateForm(ok, ['A']).name).toBe('nameTaken');
    expect(validateForm(patchForm(ok, { deadLetterTopic: 't' }), []).deadLetterTopic).toBe('dlqIsSource');
    expect(validateForm(patchForm(ok, { deadLetterTopic: 'bad topic' }), []).deadLetterTopic).toBe('topicName');
    expect(validateForm({ ...ok, deadLetter: false, deadLetterTopic: '' }, [])).toEqual({});
  });

  it('saves a valid spec; the start choice continues from committed offsets later', () => {
    const f = patchForm(initialForm(profiles, 'Orders'), { topics: ['orders'], collection: 'articles', batchSize: '200', start: 'latest' });
    const { spec, startTimestampMs } = formToSpec(f);
    expect(PipelineSpec.safeParse(spec).success).toBe(true);
    expect(spec).toMatchObject({ topics: { names: ['orders'] }, batchSize: 200, startPosition: { kind: 'committed', fallback: 'latest' }, errorTolerance: 'all', deadLetterTopic: 'orders-dlq' });
    expect(startTimestampMs).toBeUndefined();
    const at = formToSpec({ ...f, start: 'timestamp', startAt: '2025-01-01T10:00' });
    expect(at.startTimestampMs).toBe(new Date('2025-01-01T10:00').getTime());
    expect(at.spec.startPosition).toEqual({ kind: 'committed', fallback: 'earliest' });
    const noDlq = formToSpec({ ...f, deadLetter: false }).spec;
    expect(noDlq.errorTolerance).toBe('none');
    expect(noDlq.deadLetterTopic).toBeUndefined();
    expect(PipelineSpec.safeParse(noDlq).success).toBe(true);
  });
});

describe('offset reset choice', () => {
  const parts = [
    { topic: 't', partition: 0, current: '10' },
    { topic: 't', partition: 1, current: '20' },
  ];
  it('builds targets, skipping partitions left as they are', () => {
    expect(resetTarget({ kind: 'earliest', at: '', offsets: {} }, parts)).toEqual({ kind: 'earliest' });
    expect(resetTarget({ kind: 'timestamp', at: '', offsets: {} }, parts)).toBeNull();
    expect(resetTarget({ kind: 'timestamp', at: '2025-01-01T00:00:00', offsets: {} }, parts)).toEqual({ kind: 'timestamp', timestampMs: new Date('2025-01-01T00:00:00').getTime() });
    const offsets = { [partitionKey('t', 0)]: '10', [partitionKey('t', 1)]: ' 5 ' };
    expect(resetTarget({ kind: 'offsets', at: '', offsets }, parts)).toEqual({ kind: 'offsets', offsets: [{ topic: 't', partition: 1, offset: '5' }] });
    expect(resetTarget({ kind: 'offsets', at: '', offsets: { [partitionKey('t', 0)]: '10' } }, parts)).toBeNull();
    expect(resetTarget({ kind: 'offsets', at: '', offsets: { [partitionKey('t', 0)]: '-3' } }, parts)).toBeNull();
    expect(badOffset('x')).toBe(true);
    expect(badOffset('')).toBe(false);
    expect(badOffset(undefined)).toBe(false);
  });
});
