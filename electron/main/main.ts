// Desktop entry point, bundled to dist/electron/main.cjs. The composition root (all handlers over
// the services) lives in electron/rpc/app-handlers.ts and is shared with the headless server.
import { app, dialog } from 'electron';
import { buildHandlers } from '../rpc/app-handlers';
import { PRODUCT_NAME, startApp } from './lifecycle';

startApp({ buildHandlers })?.catch((err: unknown) => {
  console.error(err);
  if (app.isReady()) dialog.showErrorBox(PRODUCT_NAME, `Could not start: ${err instanceof Error ? err.message : String(err)}`);
  app.exit(1);
});
