// Tabs as the ARIA pattern has them: one Tab stop (the selected tab), arrow keys, Home and End move
// between tabs and select them; the panel follows. Buttons, so Enter and Space work as well.
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
}

const STEP: Record<string, number | 'first' | 'last' | undefined> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };

export function TabList<K extends string>(props: { label: string; items: readonly TabItem<K>[]; value: K; onChange: (k: K) => void; idPrefix: string }) {
  const { items, value } = props;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = STEP[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const at = items.findIndex((i) => i.key === value);
    const next = step === 'first' ? 0 : step === 'last' ? items.length - 1 : (at + step + items.length) % items.length;
    const item = items[next];
    if (!item) return;
    props.onChange(item.key);
    e.currentTarget.querySelector<HTMLElement>(`#${props.idPrefix}${item.key}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={props.label} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="tab"
          id={`${props.idPrefix}${item.key}`}
          aria-selected={item.key === value}
          aria-controls={`panel-${item.key}`}
          tabIndex={item.key === value ? 0 : -1}
          className={item.key === value ? 'tab active' : 'tab'}
          onClick={() => props.onChange(item.key)}
          data-testid={`${props.idPrefix}${item.key}`}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
