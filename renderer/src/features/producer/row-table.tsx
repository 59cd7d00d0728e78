// A row's fields as a two-column table; long vectors are shortened with their length shown.
const MAX_TEXT = 160;

export function fieldText(v: unknown): string {
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) {
    const head = v.slice(0, 8).map((x) => (Number.isInteger(x) ? String(x) : Number(x).toPrecision(4))).join(', ');
    return v.length > 8 ? `[${head}, …] (${v.length})` : `[${head}]`;
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

export function RowTable({ row, testId, label }: { row: Record<string, unknown>; testId?: string; label: string }) {
  return (
    <table className="row-table" data-testid={testId} aria-label={label}>
      <tbody>
        {Object.entries(row).map(([k, v]) => (
          <tr key={k} data-field={k}>
            <th scope="row" className="mono">
              {k}
            </th>
            <td className={typeof v === 'string' ? '' : 'mono'} title={typeof v === 'string' && v.length > MAX_TEXT ? v : undefined}>
              {fieldText(v)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
