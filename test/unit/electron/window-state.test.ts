import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_SIZE,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  windowStateFile,
  type Rect,
} from '../../../electron/main/window-state';

const primary: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const right: Rect = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('clampToDisplays', () => {
  it('centers the default size on the primary display when nothing was saved', () => {
    expect(clampToDisplays(null, [primary, right])).toEqual({ x: 320, y: 143, ...DEFAULT_SIZE });
  });

  it('keeps bounds that are fully visible', () => {
    const saved = { x: 100, y: 100, width: 1200, height: 800 };
    expect(clampToDisplays(saved, [primary, right])).toEqual(saved);
  });

  it('moves a window hanging off an edge back inside the display it overlaps most', () => {
    expect(clampToDisplays({ x: 2800, y: 500, width: 1000, height: 800 }, [primary, right])).toEqual({ x: 2200, y: 224, width: 1000, height: 800 });
    expect(clampToDisplays({ x: -300, y: 0, width: 1000, height: 700 }, [primary, right])).toEqual({ x: 0, y: 25, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display', () => {
    expect(clampToDisplays({ x: 1900, y: 0, width: 3000, height: 2000 }, [primary, right])).toEqual(right);
  });

  it('falls back to the primary display when the saved monitor is gone', () => {
    expect(clampToDisplays({ x: 5000, y: 100, width: 1200, height: 800 }, [primary])).toEqual({ x: 320, y: 143, ...DEFAULT_SIZE });
  });

  it('treats a sliver of overlap as not visible', () => {
    expect(clampToDisplays({ x: 1900, y: 100, width: 1200, height: 800 }, [primary])).toEqual({ x: 320, y: 143, ...DEFAULT_SIZE });
  });

  it('with no displays reported, still returns a usable size', () => {
    expect(clampToDisplays(null, [])).toEqual({ x: 0, y: 0, ...DEFAULT_SIZE });
  });

  it('always lands inside one of the displays (property)', () => {
    const rect = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 1, max: 6000 }), height: fc.integer({ min: 1, max: 6000 }) });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), (saved) => {
        const r = clampToDisplays(saved, [primary, right]);
        const inside = [primary, right].some((a) => r.x >= a.x && r.y >= a.y && r.x + r.width <= a.x + a.width && r.y + r.height <= a.y + a.height);
        expect(inside).toBe(true);
        expect(r.width).toBeGreaterThan(0);
        expect(r.height).toBeGreaterThan(0);
      }),
    );
  });
});

describe('window state file', () => {
  it('parses only well-formed state', () => {
    expect(parseWindowState({ bounds: { x: 1.4, y: 2, width: 800, height: 600 }, maximized: true })).toEqual({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true });
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 800 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: -1, height: 5 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 'a', y: 0, width: 1, height: 5 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: Infinity, y: 0, width: 1, height: 5 } })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 10, height: 5 }, maximized: 'yes' })?.maximized).toBe(false);
  });

  it('round-trips through userData/window-state.json and tolerates a corrupt file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-ws-'));
    try {
      const file = windowStateFile(dir);
      expect(file).toBe(path.join(dir, 'window-state.json'));
      expect(loadWindowState(file)).toBeNull();
      const state = { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false };
      saveWindowState(file, state);
      expect(loadWindowState(file)).toEqual(state);
      expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
      fs.writeFileSync(file, '{not json');
      expect(loadWindowState(file)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
