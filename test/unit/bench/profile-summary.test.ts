import { describe, expect, it } from 'vitest';
import { areaOf, summarizeProfile, type CpuProfile } from '../../../bench/profile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('CPU profile summary', () => {
  it('sorts code into areas', () => {
    expect(areaOf('file:///w/node_modules/@zilliz/milvus2-sdk-node/dist/milvus/grpc/Data.js', 'x')).toBe('milvus-sdk');
    expect(areaOf('file:///w/node_modules/kafkajs/src/consumer/runner.js', 'x')).toBe('kafkajs');
    expect(areaOf('file:///w/node_modules/protobufjs/src/writer.js', 'x')).toBe('protobufjs');
    expect(areaOf('file:///w/shared/convert/decode.ts', 'parse')).toBe('shared/convert');
    expect(areaOf('file:///w/electron/engine/intake.ts', 'take')).toBe('engine');
    expect(areaOf('node:internal/buffer', 'x')).toBe('node core');
    expect(areaOf('', '(garbage collector)')).toBe('gc');
    expect(areaOf('', '(idle)')).toBe('idle');
    expect(areaOf('', 'FloatArray$encode')).toBe('builtins');
  });

  it('attributes sample time deltas to self time and shares of busy time', () => {
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('sendMessage', 'file:///w/node_modules/@zilliz/milvus2-sdk-node/dist/milvus/utils/Grpc.js', 175) },
        { id: 4, callFrame: frame('parse', 'file:///w/shared/convert/decode.ts', 0) },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 3, 3, 4, 3],
      timeDeltas: [4000, 1000, 2000, 1000, 1000],
    };
    const s = summarizeProfile(p);
    expect(s.wallMs).toBe(10);
    expect(s.idleMs).toBe(4);
    expect(s.busyMs).toBe(5);
    expect(s.areas.map((a) => [a.name, a.selfMs])).toEqual([['milvus-sdk', 4], ['shared/convert', 1]]);
    expect(s.functions[0]).toMatchObject({ name: 'sendMessage @zilliz/milvus2-sdk-node/dist/milvus/utils/Grpc.js:176', selfMs: 4, share: 0.8 });
  });
});
