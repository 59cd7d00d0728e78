// The closing table of `npm run test:faults`: figures every drill of this run appended to
// artifacts/faults/results.jsonl. Vitest runs this small, fast, never-failing file last (it orders
// by size and past duration, failed files first); it only reports, the drills themselves assert.
import { it } from 'vitest';
import { readResults, RESULTS_FILE, type DrillFigures } from './support/results';

const COLUMNS: [string, (f: DrillFigures) => string | number][] = [
  ['drill', (f) => f.drill],
  ['sent', (f) => f.sent],
  ['written', (f) => f.written],
  ['dead-lettered', (f) => f.deadLettered],
  ['skipped', (f) => f.skipped],
  ['lost', (f) => f.lost],
  ['duplicated', (f) => f.duplicated],
  ['malformed kinds', (f) => f.malformedKinds],
  ['crashes', (f) => f.crashes],
  ['s', (f) => f.seconds],
];

function table(rows: DrillFigures[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, get]) => String(get(r))))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

it('prints the fault-drill summary', () => {
  const all = readResults();
  const drills = all.filter((f) => f.sent > 0);
  const sum = (get: (f: DrillFigures) => number): number => drills.reduce((s, f) => s + get(f), 0);
  const totals: DrillFigures = {
    drill: 'total',
    sent: sum((f) => f.sent),
    written: sum((f) => f.written),
    deadLettered: sum((f) => f.deadLettered),
    skipped: sum((f) => f.skipped),
    lost: sum((f) => f.lost),
    duplicated: sum((f) => f.duplicated),
    malformedKinds: sum((f) => f.malformedKinds),
    crashes: sum((f) => f.crashes),
    seconds: sum((f) => f.seconds),
  };
  const notes = all.filter((f) => f.notes).map((f) => `  ${f.drill}: ${f.notes}`);
  const out = [
    `fault drills of this run (${RESULTS_FILE})`,
    table([...drills, totals]),
    ...(notes.length ? ['notes:', ...notes] : []),
    `faults: drills=${drills.length} records=${totals.sent} lost=${totals.lost} duplicated=${totals.duplicated} malformed_kinds=${totals.malformedKinds} crashes=${totals.crashes}`,
  ];
  console.log(out.join('\n'));
});
