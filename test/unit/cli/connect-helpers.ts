// Shared by the Kafka Connect mapping tests: map two in-memory files, read results as text lines.
import { connectToPipeline, type ConnectMapping } from '../../../electron/cli/connect-config';
import { formatDiagnostic } from '../../../electron/cli/connect-source';
import { parseProperties } from '../../../electron/cli/properties';

export const MINIMAL_CONNECTOR = ['name=sink', 'public.endpoint=http://127.0.0.1:19530', 'collection.name=docs', 'topics=t1'].join('\n');

export function mapFiles(worker: string, connector: string = MINIMAL_CONNECTOR, files: Record<string, string> = {}): ConnectMapping {
  return connectToPipeline(parseProperties(worker, 'worker.properties'), parseProperties(connector, 'connector.properties'), {
    readFile(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
  });
}

export function lines(r: ConnectMapping): string[] {
  return r.diagnostics.map(formatDiagnostic);
}

export function errors(r: ConnectMapping): string[] {
  return lines(r).filter((l) => l.startsWith('error:'));
}

export function configOf(r: ConnectMapping) {
  if (!r.ok) throw new Error(`mapping failed:\n${lines(r).join('\n')}`);
  return r.config;
}

/** A real self-signed certificate body is not needed: the mapper only moves PEM blocks around. */
export const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0VSVA==\n-----END CERTIFICATE-----\n';
export const CERT2 = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ0VSVDI=\n-----END CERTIFICATE-----\n';
export const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';
