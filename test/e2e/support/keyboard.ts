// Keyboard-only driving for e2e specs: Tab until a control has focus (every stop on the way must
// show a focus ring), what has focus now, dialogs that keep Tab inside, and text that a layout clips.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Focused {
  /** data-testid of the focused element itself. */
  testId: string | null;
  /** data-testid of the focused element and its ancestors, nearest first. */
  within: string[];
  tag: string;
  text: string;
  /** data-name of the enclosing pipeline card, if any. */
  card: string | null;
  visibleRing: boolean;
  inDialog: boolean;
}

/**
 * Runs in the page (the tests' tsconfig has no DOM types: narrow casts). A ring is an outline, or
 * a box-shadow drawn as a solid ring (0 0 0 Npx), on the element or, for controls drawn by a
 * wrapper (segmented radios, file pickers, the JSON editor), on one of its three nearest ancestors;
 * read once the ring's transition (if any) has finished.
 */
const focusedNow = async (): Promise<Focused> => {
  type Style = { outlineStyle: string; outlineWidth: string; outlineColor: string; boxShadow: string };
  type El = {
    tagName: string;
    textContent: string | null;
    parentElement: El | null;
    closest(s: string): El | null;
    getAttribute(n: string): string | null;
    matches(s: string): boolean;
    getAnimations(): { finished: Promise<unknown> }[];
  };
  const g = globalThis as unknown as { document: { activeElement: El | null; body: El }; getComputedStyle(e: El): Style };
  const el = g.document.activeElement;
  if (!el || el === g.document.body) return { testId: null, within: [], tag: 'body', text: '', card: null, visibleRing: false, inDialog: false };
  const chain: El[] = [];
  for (let a: El | null = el; a && chain.length < 4; a = a.parentElement) chain.push(a);
  await Promise.all(chain.flatMap((e) => e.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const transparent = (c: string) => /rgba\([^)]*,\s*0\)$/.test(c) || c === 'transparent';
  const ringShadow = (shadow: string) => shadow.split(/,(?![^(]*\))/).some((part) => !part.includes('inset') && /\b0px 0px 0px ([2-9]|\d{2,})(\.\d+)?px/.test(part));
  const ring = (e: El) => {
    const s = g.getComputedStyle(e);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor)) || ringShadow(s.boxShadow);
  };
  const ringed = chain.some(ring);
  const within: string[] = [];
  for (let a: El | null = el; a; a = a.parentElement) {
    const id = a.getAttribute('data-testid');
    if (id) within.push(id);
  }
  return {
    testId: el.getAttribute('data-testid'),
    within,
    tag: el.tagName.toLowerCase(),
    text: (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
    card: el.closest('[data-name]')?.getAttribute('data-name') ?? null,
    visibleRing: el.matches(':focus-visible') && ringed,
    inDialog: el.closest('dialog[open]') !== null,
  };
};

export const focused = (page: Page): Promise<Focused> => page.evaluate(focusedNow);

const describe = (f: Focused) => `${f.tag}${f.testId ? `[${f.testId}]` : ''}${f.text ? ` "${f.text.slice(0, 30)}"` : ''}`;

/**
 * Presses Tab (or Shift+Tab) until the element with `testId` has focus. Every element focus passes
 * through must show a focus ring; so must the target.
 */
export async function tabTo(page: Page, testId: string, opts: { back?: boolean; max?: number } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < (opts.max ?? 80); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    expect(f.visibleRing, `${describe(f)} shows a focus ring (on the way to ${testId})`).toBe(true);
    if (f.testId === testId) return f;
    seen.push(describe(f));
  }
  throw new Error(`${testId} was not reached by keyboard; focus went through: ${seen.join(', ')}`);
}

/** Enter on what has focus, then checks where focus went (it must never fall back to <body>). */
export async function press(page: Page, key: string): Promise<Focused> {
  await page.keyboard.press(key);
  return focused(page);
}

/** A modal dialog is open: Tab and Shift+Tab, `rounds` times each, never leave it. */
export async function tabStaysInside(page: Page, rounds = 6): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < rounds; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      expect(f.inDialog, `${key} #${i + 1} stays in the dialog (now on ${describe(f)})`).toBe(true);
      expect(f.visibleRing, `${describe(f)} in the dialog shows a focus ring`).toBe(true);
    }
  }
}

/**
 * Text cut off by its box or spilling out of it: elements that hide (or clip) overflowing content,
 * and elements with text of their own that is wider than they are. An ellipsis is fine only where
 * the full text is offered as a title (long names and values, not labels). Large type may reach a
 * few pixels past its line box without losing anything, so height has a small tolerance. Returns a
 * short description of each.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type El = { tagName: string; className: unknown; textContent: string | null; childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number; getAttribute(n: string): string | null; closest(s: string): El | null };
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): El[] }; getComputedStyle(e: El): { overflowX: string; overflowY: string; textOverflow: string; display: string } };
    const out: string[] = [];
    for (const el of g.document.querySelectorAll('main *, dialog[open] *, .sidebar *, .topbar *')) {
      const text = (el.textContent ?? '').trim();
      if (!text || el.closest('.visually-hidden, svg, textarea, pre, [aria-hidden="true"]')) continue;
      const s = g.getComputedStyle(el);
      if (s.display === 'none' || (s.textOverflow === 'ellipsis' && el.getAttribute('title'))) continue;
      const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip';
      const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip';
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      const spills = ownText && s.display !== 'inline' && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
      if (spills || (hidesX && el.scrollWidth > el.clientWidth + 1) || (hidesY && el.scrollHeight > el.clientHeight + 4)) {
        out.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${text.slice(0, 40)}" (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      }
    }
    return out;
  });
}
