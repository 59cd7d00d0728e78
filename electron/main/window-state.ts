// Remembers the window's size, position and maximized state between runs, and puts it back only
// where it is visible: a monitor may have been unplugged or rearranged since.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = Object.freeze({ width: 1280, height: 820 });
export const MIN_SIZE = Object.freeze({ width: 960, height: 640 });
/** How much of the window (its title bar area) must stay on a display to count as visible. */
const MIN_VISIBLE = 64;
const FILE_NAME = 'window-state.json';

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, FILE_NAME);
}

/** Validates untrusted JSON from disk; anything malformed means "no saved state". */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const b = bounds as Record<string, unknown>;
  const nums = [b.x, b.y, b.width, b.height];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const [x, y, width, height] = nums.map((n) => Math.round(n as number)) as [number, number, number, number];
  if (width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

/**
 * Places saved bounds on the display they overlap most, shrinking them to fit its work area and
 * moving them fully inside it. With no saved state, or when too little of the window would be
 * visible, the default size is centered on the first (primary) work area.
 */
export function clampToDisplays(saved: Rect | null, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0];
  if (!primary) return { x: 0, y: 0, ...DEFAULT_SIZE };
  let best: Rect | null = null;
  let bestArea = 0;
  if (saved) {
    for (const area of workAreas) {
      const overlap = intersection(saved, area);
      const visible = overlap.width >= MIN_VISIBLE && overlap.height >= Math.min(MIN_VISIBLE, saved.height);
      if (visible && overlap.width * overlap.height > bestArea) {
        best = area;
        bestArea = overlap.width * overlap.height;
      }
    }
  }
  if (!saved || !best) return centered(DEFAULT_SIZE, primary);
  const width = clamp(saved.width, Math.min(MIN_SIZE.width, best.width), best.width);
  const height = clamp(saved.height, Math.min(MIN_SIZE.height, best.height), best.height);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - width),
    y: clamp(saved.y, best.y, best.y + best.height - height),
    width,
    height,
  };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null; // first run or a corrupt file: fall back to defaults
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, file); // atomic, so a crash mid-write cannot leave half a file
  } catch {
    // losing the window position is not worth failing a quit over
  }
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
