// Reads a V8 .cpuprofile (node --cpu-prof) into self time per function and per area of the code.
// Pure: takes the parsed JSON, returns sorted figures.

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Hotspot {
  name: string;
  area: string;
  selfMs: number;
  /** Share of the non-idle time. */
  share: number;
}

export interface ProfileSummary {
  wallMs: number;
  idleMs: number;
  busyMs: number;
  areas: Hotspot[];
  functions: Hotspot[];
}

/** Where a frame's code lives, coarse enough to act on. */
export function areaOf(url: string, functionName: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'gc';
  if (functionName === '(program)' || functionName === '(root)') return 'v8/native';
  const areas: [RegExp, string][] = [
    [/node_modules\/kafkajs\//, 'kafkajs'],
    [/node_modules\/protobufjs\/|node_modules\/@protobufjs\//, 'protobufjs'],
    [/node_modules\/@grpc\//, 'grpc-js'],
    [/node_modules\/@zilliz\/milvus2-sdk-node\//, 'milvus-sdk'],
    [/\/shared\/convert\//, 'shared/convert'],
    [/\/electron\/engine\//, 'engine'],
    [/\/electron\/clients\//, 'clients'],
    [/\/shared\//, 'shared'],
    [/\/bench\//, 'bench'],
    [/node_modules\/(tsx|esbuild)\//, 'tsx loader'],
    [/node_modules\/zod\//, 'zod'],
    [/node_modules\//, 'other deps'],
    [/^node:/, 'node core'],
  ];
  for (const [re, area] of areas) if (re.test(url)) return area;
  return url === '' ? 'builtins' : 'other';
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf('node_modules/');
  if (i >= 0) return url.slice(i + 'node_modules/'.length);
  const m = /\/(shared|electron|bench)\/.*$/.exec(url);
  return m ? m[0].slice(1) : url.replace(/^file:\/\//, '');
}

export function summarizeProfile(p: CpuProfile, top = 20): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  if (samples.length) {
    // Each delta is the time before its sample; attribute it to that sample's node.
    samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + Math.max(0, deltas[i] ?? 0)));
  } else {
    const interval = p.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0);
    const per = interval ? (p.endTime - p.startTime) / interval : 0;
    for (const n of p.nodes) self.set(n.id, (n.hitCount ?? 0) * per);
  }
  const areas = new Map<string, number>();
  const fns = new Map<string, { area: string; us: number }>();
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n || us <= 0) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    if (area === 'idle') continue;
    const key = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    const f = fns.get(key) ?? { area, us: 0 };
    f.us += us;
    fns.set(key, f);
  }
  const idleMs = (areas.get('idle') ?? 0) / 1000;
  const totalMs = [...areas.values()].reduce((a, b) => a + b, 0) / 1000;
  const busyMs = totalMs - idleMs;
  const share = (ms: number): number => (busyMs > 0 ? ms / busyMs : 0);
  return {
    wallMs: (p.endTime - p.startTime) / 1000,
    idleMs,
    busyMs,
    areas: [...areas.entries()]
      .filter(([a]) => a !== 'idle')
      .map(([area, us]) => ({ name: area, area, selfMs: us / 1000, share: share(us / 1000) }))
      .sort((a, b) => b.selfMs - a.selfMs),
    functions: [...fns.entries()]
      .map(([name, f]) => ({ name, area: f.area, selfMs: f.us / 1000, share: share(f.us / 1000) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
  };
}
