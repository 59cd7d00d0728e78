// A monospace JSON editor: a textarea with a line-number gutter that follows its scrolling and marks
// the line of a syntax error. Plain textarea underneath: native undo, selection, accessibility.
import { useMemo, useRef } from 'react';

export function JsonEditor(props: { id: string; value: string; onChange: (v: string) => void; errorLine?: number; invalid: boolean; describedBy?: string; testId?: string }) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => props.value.split('\n').length, [props.value]);
  return (
    <div className={props.invalid ? 'json-editor invalid' : 'json-editor'}>
      <div className="json-gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className={i + 1 === props.errorLine ? 'gutter-line error' : 'gutter-line'}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        id={props.id}
        className="json-text mono"
        value={props.value}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.describedBy}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
