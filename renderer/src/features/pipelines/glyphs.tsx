// Stroke icons the pipeline controls and the monitor need beyond the shared set (same 24×24 grid,
// currentColor), so controls read as play / pause / stop at a glance, always next to their text.
import type { SVGProps } from 'react';

const paths = {
  play: 'M7 4.5v15l12-7.5-12-7.5Z',
  pause: 'M8 5v14M16 5v14',
  stop: 'M6.5 6.5h11v11h-11z',
  rewind: 'M3 12a9 9 0 1 0 2.6-6.4L3 8M3 3.5V8h4.5',
  maximize: 'M8 3H3v5M16 3h5v5M8 21H3v-5M16 21h5v-5',
  minimize: 'M8 3v5H3M16 3v5h5M8 21v-5H3M16 21v-5h5',
  list: 'M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01',
  inbox: 'M22 12h-6l-2 3h-4l-2-3H2M5.5 5h13L22 12v6a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2v-6l3.5-7Z',
  database: 'M12 8c4.4 0 8-1.3 8-3s-3.6-3-8-3-8 1.3-8 3 3.6 3 8 3ZM4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  redo: 'M21 7v6h-6M3 17a9 9 0 0 1 15-6.7L21 13',
} as const;

export type GlyphName = keyof typeof paths;

export function Glyph({ name, size = 16, ...rest }: { name: GlyphName; size?: number } & SVGProps<SVGSVGElement>) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...rest}>
      <path d={paths[name]} />
    </svg>
  );
}
