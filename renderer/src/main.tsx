// Entry: pick the host (Electron preload or WebSocket server), build the stores, render, load.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyDocumentEffects } from './app/document-effects';
import { installFocusRescue } from './components/focus';
import { I18nProvider } from './i18n/context';
import { StoresProvider } from './stores/context';
import type { HashHost } from './stores/router-store';
import { createStores, loadInitialData } from './stores/stores';
import { pickTransport, type HostWindow } from './transport/pick-transport';
import './app/styles/theme.css';
import './app/styles/base.css';
import './app/styles/layout.css';
import './app/styles/components.css';
import './app/styles/feedback.css';
import './app/styles/forms.css';
import './app/styles/wizard.css';
import './app/styles/pages.css';

const { transport } = pickTransport(window as unknown as HostWindow);

const hash: HashHost = {
  get: () => window.location.hash,
  set: (h) => {
    window.location.hash = h;
  },
  subscribe: (listener) => {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  },
};

const stores = createStores(transport, hash);
const systemLanguages = navigator.languages?.length ? [...navigator.languages] : [navigator.language];
applyDocumentEffects(stores, document, window.matchMedia('(prefers-color-scheme: dark)'), systemLanguages);
installFocusRescue(document);

// After a lost connection comes back, refresh what may have changed meanwhile.
stores.app.subscribe((s, prev) => {
  if (s.bridge !== 'open' || prev.bridge === 'open' || !prev.everConnected) return;
  if (s.ready === 'failed') void loadInitialData(stores);
  else if (s.ready === 'ready') {
    void stores.connections.getState().load();
    void stores.pipelines.getState().load();
    void stores.sandbox.getState().refresh();
  }
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <I18nProvider systemLanguages={systemLanguages}>
          <App />
        </I18nProvider>
      </StoresProvider>
    </StrictMode>,
  );
}
void loadInitialData(stores);
