// Worker security settings → the Kafka connection: SASL from the JAAS line, PEM stores, and the
// precise messages for what Studio cannot read (JKS/PKCS12, Kerberos, encrypted keys).
import { describe, expect, it } from 'vitest';
import { CERT, CERT2, configOf, errors, KEY, lines, mapFiles } from './connect-helpers';

const PLAIN = 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";';
const SCRAM = 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="s3cret";';

describe('bootstrap.servers and security.protocol', () => {
  it('strip listener prefixes and default to Kafka Connect localhost:9092', () => {
    expect(configOf(mapFiles('bootstrap.servers=SASL_SSL://b1:9093, b2:9093')).kafka.brokers).toEqual(['b1:9093', 'b2:9093']);
    const r = mapFiles('');
    expect(configOf(r).kafka.brokers).toEqual(['localhost:9092']);
    expect(lines(r)[0]).toBe("note: worker.properties: bootstrap.servers: not set: using localhost:9092, Kafka Connect's default");
  });

  it('reject bad servers and protocols', () => {
    expect(errors(mapFiles('bootstrap.servers=b1:9092,b2'))).toEqual(["error: worker.properties: bootstrap.servers: expected host:port, got 'b2' (line 1)"]);
    expect(errors(mapFiles('bootstrap.servers=b:1\nsecurity.protocol=TLS'))).toEqual([
      "error: worker.properties: security.protocol: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'TLS' (line 2)",
    ]);
  });
});

describe('SASL', () => {
  it('reads PLAIN credentials from the JAAS line, inferring the mechanism', () => {
    const c = configOf(mapFiles(`bootstrap.servers=b:9092\nsecurity.protocol=SASL_PLAINTEXT\n${PLAIN}`));
    expect(c.kafka).toEqual({ brokers: ['b:9092'], securityProtocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' } });
  });

  it('reads SCRAM with its mechanism, preferring the consumer.-prefixed settings', () => {
    const c = configOf(mapFiles(`security.protocol=SASL_SSL\nconsumer.security.protocol=SASL_SSL\nconsumer.sasl.mechanism=SCRAM-SHA-512\nconsumer.${SCRAM}`));
    expect(c.kafka.sasl).toEqual({ mechanism: 'SCRAM-SHA-512', username: 'u', password: 's3cret' });
    expect(c.kafka.securityProtocol).toBe('SASL_SSL');
  });

  it.each([
    ['security.protocol=SASL_SSL', 'error: worker.properties: sasl.jaas.config: required when security.protocol=SASL_SSL'],
    [`security.protocol=SASL_SSL\n${SCRAM}`, 'error: worker.properties: sasl.mechanism: required with ScramLoginModule: SCRAM-SHA-256 or SCRAM-SHA-512'],
    [`security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-256\n${PLAIN}`, 'error: worker.properties: sasl.jaas.config: PlainLoginModule does not match sasl.mechanism=SCRAM-SHA-256'],
    [`security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n${SCRAM}`, 'error: worker.properties: sasl.jaas.config: ScramLoginModule does not match sasl.mechanism=PLAIN'],
    [`security.protocol=SASL_SSL\nsasl.mechanism=GSSAPI\n${PLAIN}`, 'error: worker.properties: sasl.mechanism: Kerberos (GSSAPI) is not supported; Studio supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512'],
    [`security.protocol=SASL_SSL\nsasl.mechanism=MAGIC\n${PLAIN}`, "error: worker.properties: sasl.mechanism: expected one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, got 'MAGIC'"],
    ['security.protocol=SASL_SSL\nsasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;', 'error: worker.properties: sasl.jaas.config: login module org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule is not supported'],
    ['security.protocol=SASL_SSL\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u";', 'error: worker.properties: sasl.jaas.config: PlainLoginModule needs username="..." and password="..."'],
    ['security.protocol=SASL_SSL\nsasl.jaas.config=PlainLoginModule username="u" password="s3cret"', 'error: worker.properties: sasl.jaas.config: expected a control flag'],
  ])('reject %j', (worker, message) => {
    const out = errors(mapFiles(worker));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(message);
    expect(out[0]).not.toContain('s3cret');
  });

  it('note SASL settings that a non-SASL protocol does not use', () => {
    expect(lines(mapFiles(`security.protocol=SSL\n${PLAIN}`))).toContain('note: worker.properties: sasl.jaas.config: not used: security.protocol=SSL does not use SASL');
  });
});

describe('TLS', () => {
  it('reads a PEM truststore file and a PEM keystore file (key and chain)', () => {
    const c = configOf(mapFiles('security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location=/etc/ca.pem\nssl.keystore.type=PEM\nssl.keystore.location=client.pem', undefined, { '/etc/ca.pem': `${CERT}${CERT2}`, 'client.pem': `${KEY}${CERT}` }));
    expect(c.kafka.tls).toEqual({ caPem: `${CERT}${CERT2}`, keyPem: KEY, certPem: CERT });
  });

  it('reads inline PEM joined onto one line by continuations, as Kafka allows', () => {
    const oneLine = CERT.replace(/\n/g, ' ');
    const c = configOf(mapFiles(`security.protocol=SASL_SSL\n${PLAIN}\nssl.truststore.type=PEM\nssl.truststore.certificates=${oneLine}\nssl.keystore.key=${KEY.replace(/\n/g, '\\n')}\nssl.keystore.certificate.chain=${CERT2.replace(/\n/g, '\\\n')}`));
    expect(c.kafka.tls).toEqual({ caPem: CERT, keyPem: KEY, certPem: CERT2 });
  });

  it('tells how to export a JKS or PKCS12 truststore to PEM', () => {
    const jks = errors(mapFiles('security.protocol=SSL\nssl.truststore.location=/etc/kafka/truststore.jks\nssl.truststore.password=changeit', undefined, { '/etc/kafka/truststore.jks': '\u00fe\u00ed\u00fe\u00ed binary' }));
    expect(jks).toEqual([
      'error: worker.properties: ssl.truststore.location: /etc/kafka/truststore.jks is a JKS truststore; Studio reads PEM only. Export it with `keytool -exportcert -rfc -keystore /etc/kafka/truststore.jks -storetype JKS -alias <alias> -file truststore.pem` (see the aliases with `keytool -list -keystore /etc/kafka/truststore.jks`; repeat for each CA, appending to the same file), then set ssl.truststore.location=truststore.pem and ssl.truststore.type=PEM (line 2)',
    ]);
    const p12 = errors(mapFiles('security.protocol=SSL\nssl.truststore.location=ts.p12', undefined, { 'ts.p12': 'binary' }));
    expect(p12[0]).toContain('ts.p12 is a PKCS12 truststore');
  });

  it('tells how to convert a JKS keystore to PEM', () => {
    const out = errors(mapFiles('security.protocol=SSL\nssl.keystore.location=ks.jks\nssl.keystore.type=JKS', undefined, { 'ks.jks': 'binary' }));
    expect(out).toEqual([
      'error: worker.properties: ssl.keystore.location: ks.jks is a JKS keystore; Studio reads PEM only. Convert it with `keytool -importkeystore -srckeystore ks.jks -destkeystore keystore.p12 -deststoretype PKCS12`, then `openssl pkcs12 -in keystore.p12 -nodes -out keystore.pem` (private key + certificate chain in one file), then set ssl.keystore.location=keystore.pem and ssl.keystore.type=PEM (line 2)',
    ]);
  });

  it.each([
    ['ssl.truststore.location=/nope.pem', 'error: worker.properties: ssl.truststore.location: cannot read /nope.pem: no such file (line 2)'],
    ['ssl.truststore.certificates=not a pem', 'error: worker.properties: ssl.truststore.certificates: expected PEM certificates (-----BEGIN CERTIFICATE-----) (line 2)'],
    [`ssl.keystore.key=${KEY.replace(/\n/g, ' ')}`, 'error: worker.properties: ssl.keystore.key: ssl.keystore.key and ssl.keystore.certificate.chain must be given together (line 2)'],
    ['ssl.keystore.location=cert-only.pem', 'error: worker.properties: ssl.keystore.location: expected a PEM private key and its certificate chain, found no private key (line 2)'],
    ['ssl.keystore.location=enc.pem\nssl.key.password=x', 'error: worker.properties: ssl.keystore.location: encrypted private keys are not supported yet; decrypt it with `openssl pkey -in key.pem -out key-decrypted.pem` and keep that file readable only by this user (line 2)'],
    ['ssl.endpoint.identification.algorithm=ldap', "error: worker.properties: ssl.endpoint.identification.algorithm: expected https or empty, got 'ldap' (line 2)"],
  ])('reject %j', (line, message) => {
    const files = { 'cert-only.pem': CERT, 'enc.pem': `${KEY.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY')}${CERT}` };
    expect(errors(mapFiles(`security.protocol=SSL\n${line}`, undefined, files))).toEqual([message]);
  });

  it('keeps verifying host names when the algorithm is empty, and says how to opt out', () => {
    const r = mapFiles('security.protocol=SSL\nssl.endpoint.identification.algorithm=');
    expect(configOf(r).kafka.tls).toBeUndefined();
    expect(lines(r)).toContain(
      "warning: worker.properties: ssl.endpoint.identification.algorithm: empty: Kafka Connect skips only the host-name check; Studio still verifies host names. If the brokers' certificates do not name the hosts you connect to, set studio.ssl.skip.verify=true (turns off all certificate checks) (line 2)",
    );
    const off = mapFiles('security.protocol=SSL\nssl.endpoint.identification.algorithm=\nstudio.ssl.skip.verify=true');
    expect(configOf(off).kafka.tls).toEqual({ skipVerify: true });
    expect(lines(off)).toContain("warning: worker.properties: studio.ssl.skip.verify: the brokers' certificates are not verified at all (chain and host name); use only on a trusted network (line 3)");
  });

  it('notes ssl settings that a plaintext protocol does not use, and TLS tuning Node decides', () => {
    expect(lines(mapFiles('ssl.truststore.location=/x.jks\nconsumer.ssl.keystore.password=x'))).toEqual(
      expect.arrayContaining([
        'note: worker.properties: ssl.truststore.location: not used: security.protocol=PLAINTEXT does not use TLS',
        'note: worker.properties: consumer.ssl.keystore.password: not used: security.protocol=PLAINTEXT does not use TLS',
      ]),
    );
    expect(lines(mapFiles('security.protocol=SSL\nssl.enabled.protocols=TLSv1.2'))).toContain("note: worker.properties: ssl.enabled.protocols: not used: Node's TLS defaults apply (TLS 1.2 or later, its cipher list)");
  });

  it('accepts producer./admin. copies of the connection settings silently, and notes ones that differ', () => {
    const same = lines(mapFiles(`security.protocol=SASL_SSL\n${PLAIN}\nproducer.security.protocol=SASL_SSL\nproducer.${PLAIN}\nadmin.security.protocol=SASL_SSL`));
    expect(same.filter((l) => /producer|admin/.test(l))).toEqual([]);
    const differs = lines(mapFiles('security.protocol=SSL\nproducer.security.protocol=PLAINTEXT'));
    expect(differs).toContain("note: worker.properties: producer.security.protocol: not used: Studio's dead-letter producer uses the sink's connection settings");
  });
});
