import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl } from '../../../electron/main/external-links';
import { buildMenuTemplate } from '../../../electron/main/menu';

const base = { appName: 'Kafka-Milvus Studio', isPackaged: true, platform: 'linux' as const, locale: 'en-US', openExternal: vi.fn() };
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
const find = (t: MenuItemConstructorOptions[], label: string) => t.find((i) => i.label === label)!.submenu as MenuItemConstructorOptions[];

describe('application menu', () => {
  it('has File (quit), Edit, View and Help', () => {
    const t = buildMenuTemplate(base);
    expect(t.map((i) => i.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(roles(find(t, 'File'))).toEqual(['quit']);
    expect(roles(find(t, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(find(t, 'View'))).toEqual(expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('offers dev tools only when not packaged', () => {
    expect(roles(buildMenuTemplate(base))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ ...base, isPackaged: false }))).toContain('toggleDevTools');
  });

  it('help links go through openExternal and are allowlisted', () => {
    const openExternal = vi.fn();
    const help = find(buildMenuTemplate({ ...base, openExternal }), 'Help');
    for (const item of help) (item.click as () => void)();
    expect(openExternal).toHaveBeenCalledTimes(3);
    for (const [url] of openExternal.mock.calls) expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it('uses the macOS app and window menus, and Spanish labels for Spanish locales', () => {
    const t = buildMenuTemplate({ ...base, platform: 'darwin', locale: 'es-419' });
    expect(t[0]).toMatchObject({ role: 'appMenu' });
    expect(t.map((i) => i.label)).toEqual(['Kafka-Milvus Studio', 'Archivo', 'Editar', 'Ver', 'Ventana', 'Ayuda']);
    expect(roles(find(t, 'Archivo'))).toEqual(['close']);
  });
});
