// Builds the renderer into dist/renderer with relative asset paths, so the same files load from
// file:// in Electron and from the headless server in browser mode.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Directory of this file, independent of the working directory (and of Windows drive letters).
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
});
