// Preload for the sandboxed renderer: bundled to dist/electron/preload.cjs (CommonJS, only `electron`
// external), exposes exactly one object, window.bridge.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge';

const bridge = createBridge(ipcRenderer);

// A literal with exactly these two keys: whatever else the bridge object grows, the page sees only these.
contextBridge.exposeInMainWorld('bridge', {
  invoke: (cmd: string, args?: unknown[]) => bridge.invoke(cmd, args),
  on: (event: string, listener: (payload: unknown) => void) => bridge.on(event, listener),
});
