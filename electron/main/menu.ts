// The application menu. Standard items use Electron roles (the OS labels and localizes them); the few
// custom labels come in English and Spanish, like the rest of the UI. Dev tools exist only in
// unpackaged builds.
import type { MenuItemConstructorOptions } from 'electron';
import { DOC_LINKS } from './external-links';

export interface MenuOptions {
  appName: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** BCP 47 locale from app.getLocale(). */
  locale: string;
  /** Must go through the external-link allowlist. */
  openExternal: (url: string) => void;
}

const LABELS = {
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', milvus: 'Milvus documentation', zilliz: 'Zilliz Cloud documentation', kafka: 'Apache Kafka documentation' },
  es: { file: 'Archivo', edit: 'Editar', view: 'Ver', window: 'Ventana', help: 'Ayuda', milvus: 'Documentación de Milvus', zilliz: 'Documentación de Zilliz Cloud', kafka: 'Documentación de Apache Kafka' },
} as const;

export function menuLabels(locale: string): (typeof LABELS)['en' | 'es'] {
  return locale.toLowerCase().startsWith('es') ? LABELS.es : LABELS.en;
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const t = menuLabels(o.locale);
  const mac = o.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    ...(o.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ label: o.appName, role: 'appMenu' } as const] : []),
    { label: t.file, submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: t.edit,
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    { label: t.view, submenu: view },
    ...(mac ? [{ label: t.window, role: 'windowMenu' } as const] : []),
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.milvus, click: () => o.openExternal(DOC_LINKS.milvus) },
        { label: t.zilliz, click: () => o.openExternal(DOC_LINKS.zilliz) },
        { label: t.kafka, click: () => o.openExternal(DOC_LINKS.kafka) },
      ],
    },
  ];
}
