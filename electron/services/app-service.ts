// 'app.*': what the Settings and About screens show, and opening documentation links. Links go
// through one allowlist (https only, product docs and the project's home); in browser mode the page
// opens them itself, so the handler only checks them.
import type { AppInfo } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { EXTERNAL_HOSTS, isAllowedExternalUrl } from '../main/external-links';
import type { Handlers, ServiceContext } from '../rpc/types';

export const PRODUCT_NAME = 'Kafka-Milvus Studio';

/** Opens a URL in the OS browser (desktop: shell.openExternal). */
export type Opener = (url: string) => Promise<void>;

export function appHandlers(ctx: ServiceContext, opener?: Opener): Pick<Handlers, 'app.info' | 'app.openExternal'> {
  return {
    'app.info': (): AppInfo => ({
      name: PRODUCT_NAME,
      version: ctx.version,
      host: ctx.host,
      platform: process.platform,
      secretStorage: ctx.secrets.kind,
      dataDir: ctx.dataDir,
    }),
    'app.openExternal': async (url) => {
      // (a type guard on a string parameter would narrow it to never in the refusal branch)
      if (!isAllowedExternalUrl(url as unknown)) {
        throw new AppFailure('validation', `Not opening ${url.slice(0, 200)}: only https links to ${EXTERNAL_HOSTS.join(', ')} are allowed`, undefined, 'url');
      }
      if (opener) await opener(new URL(url).href);
    },
  };
}
