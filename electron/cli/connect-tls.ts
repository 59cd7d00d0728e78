// ssl.* settings → PEM text for the Kafka connection. Studio (Node's TLS) reads PEM only, so
// JKS / PKCS12 stores get an error that gives the exact command to export them.
import type { KafkaConnection } from '../../shared/connections';
import { parseBoolSetting, type ConnectSources, type Setting } from './connect-source';

export interface FileReader {
  /** Reads a file as text; relative paths resolve against the working directory, as in Java. */
  readFile(path: string): string;
}

type Tls = NonNullable<KafkaConnection['tls']>;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * PEM blocks re-wrapped at 64 columns. Kafka accepts PEM joined onto one line (properties files
 * often use `\` continuations, which drop the newlines); Node's TLS needs the standard layout.
 */
export function pemBlocks(text: string): { label: string; pem: string; encrypted: boolean }[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => {
    const label = m[1] ?? '';
    const raw = m[2] ?? '';
    const encrypted = label.includes('ENCRYPTED') || raw.includes('Proc-Type: 4,ENCRYPTED');
    const body = raw.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
    return { label, pem: `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`, encrypted };
  });
}

function storeType(src: ConnectSources, key: 'ssl.truststore.type' | 'ssl.keystore.type', location: string): string {
  const t = src.consumer(key, true)?.value.toUpperCase();
  if (t) return t;
  return /\.(p12|pfx)$/i.test(location) ? 'PKCS12' : 'JKS';
}

function readStore(src: ConnectSources, s: Setting, files: FileReader): string | undefined {
  try {
    return files.readFile(s.value);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    src.error(s, `cannot read ${s.value}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return undefined;
  }
}

function truststore(src: ConnectSources, files: FileReader): string | undefined {
  const inline = src.consumer('ssl.truststore.certificates', true);
  const loc = src.consumer('ssl.truststore.location', true);
  const s = inline ?? loc;
  if (!s) return undefined;
  const text = inline ? inline.value : readStore(src, s, files);
  if (text === undefined) return undefined;
  const certs = pemBlocks(text).filter((b) => b.label === 'CERTIFICATE');
  if (certs.length) return certs.map((c) => c.pem).join('');
  if (inline) {
    src.error(s, 'expected PEM certificates (-----BEGIN CERTIFICATE-----)');
    return undefined;
  }
  const type = storeType(src, 'ssl.truststore.type', s.value);
  src.error(
    s,
    `${s.value} is a ${type} truststore; Studio reads PEM only. Export it with ` +
      `\`keytool -exportcert -rfc -keystore ${s.value} -storetype ${type} -alias <alias> -file truststore.pem\` ` +
      `(see the aliases with \`keytool -list -keystore ${s.value}\`; repeat for each CA, appending to the same file), ` +
      'then set ssl.truststore.location=truststore.pem and ssl.truststore.type=PEM',
  );
  return undefined;
}

function keystore(src: ConnectSources, files: FileReader): Pick<Tls, 'certPem' | 'keyPem'> | undefined {
  const inlineKey = src.consumer('ssl.keystore.key', true);
  const inlineChain = src.consumer('ssl.keystore.certificate.chain', true);
  const loc = src.consumer('ssl.keystore.location', true);
  if (!inlineKey && !inlineChain && !loc) return undefined;
  let text: string | undefined;
  let where: Setting;
  if (inlineKey || inlineChain) {
    where = (inlineKey ?? inlineChain) as Setting;
    if (!inlineKey || !inlineChain) {
      src.error(where, 'ssl.keystore.key and ssl.keystore.certificate.chain must be given together');
      return undefined;
    }
    text = `${inlineKey.value}\n${inlineChain.value}`;
  } else {
    where = loc as Setting;
    text = readStore(src, where, files);
  }
  if (text === undefined) return undefined;
  const blocks = pemBlocks(text);
  const key = blocks.find((b) => b.label.endsWith('PRIVATE KEY'));
  const certs = blocks.filter((b) => b.label === 'CERTIFICATE');
  if (!key && !certs.length && !inlineKey) {
    const type = storeType(src, 'ssl.keystore.type', where.value);
    const p12 = type === 'PKCS12' ? where.value : 'keystore.p12';
    const convert = type === 'PKCS12' ? '' : `\`keytool -importkeystore -srckeystore ${where.value} -destkeystore keystore.p12 -deststoretype PKCS12\`, then `;
    src.error(
      where,
      `${where.value} is a ${type} keystore; Studio reads PEM only. Convert it with ${convert}` +
        `\`openssl pkcs12 -in ${p12} -nodes -out keystore.pem\` (private key + certificate chain in one file), ` +
        'then set ssl.keystore.location=keystore.pem and ssl.keystore.type=PEM',
    );
    return undefined;
  }
  if (!key || !certs.length) {
    src.error(where, `expected a PEM private key and its certificate chain, found ${key ? 'no certificate' : 'no private key'}`);
    return undefined;
  }
  if (key.encrypted) {
    src.error(where, 'encrypted private keys are not supported yet; decrypt it with `openssl pkey -in key.pem -out key-decrypted.pem` and keep that file readable only by this user');
    return undefined;
  }
  src.consumer('ssl.key.password', true);
  return { keyPem: key.pem, certPem: certs.map((c) => c.pem).join('') };
}

/** TLS settings when the protocol uses TLS; ssl.* keys are otherwise noted as unused. */
export function mapTls(src: ConnectSources, protocol: string, files: FileReader): Tls | undefined {
  const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
  if (!usesTls) return undefined;
  const tls: Tls = {};
  const ca = truststore(src, files);
  if (ca) tls.caPem = ca;
  Object.assign(tls, keystore(src, files) ?? {});
  for (const k of ['ssl.truststore.type', 'ssl.keystore.type', 'ssl.truststore.password', 'ssl.keystore.password', 'ssl.key.password']) {
    src.consumer(k, true);
  }
  const skip = src.worker.get('studio.ssl.skip.verify');
  const skipVerify = skip ? parseBoolSetting(src, skip) : undefined;
  if (skipVerify) {
    tls.skipVerify = true;
    src.worker.report('warning', 'studio.ssl.skip.verify', "the brokers' certificates are not verified at all (chain and host name); use only on a trusted network");
  }
  const alg = src.consumer('ssl.endpoint.identification.algorithm', true);
  if (alg && alg.value !== '' && alg.value.toLowerCase() !== 'https') {
    src.error(alg, `expected https or empty, got '${alg.value}'`);
  } else if (alg?.value === '' && !skipVerify) {
    // Node cannot skip only the host-name check the way Java does; we keep full verification
    // rather than silently turning off the chain check too.
    src.source(alg.file).report(
      'warning',
      alg.key,
      'empty: Kafka Connect skips only the host-name check; Studio still verifies host names. ' +
        "If the brokers' certificates do not name the hosts you connect to, set studio.ssl.skip.verify=true (turns off all certificate checks)",
    );
  }
  return Object.keys(tls).length ? tls : undefined;
}
