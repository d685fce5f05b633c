// @peculiar/x509 resolves its ASN.1 parsers through tsyringe, which needs the Reflect API.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

/** PEM files of the sandbox's BankID test PKI, and where they were written (when a directory was given). */
export interface BankIdTestCertificates {
  /** The test CA: signs the server certificate and the RP client certificate. */
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** The relying party's (the hub's) client certificate and key, as BankID issues an RP certificate. */
  clientCertPem: string;
  clientKeyPem: string;
  directory?: string;
}

/** File names in the certificate directory, read by the hub's `bankId` connection. */
export const BANKID_CERT_FILES = {
  ca: 'ca.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  clientCert: 'rp-client.pem',
  clientKey: 'rp-client-key.pem',
} as const;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 24 * 60 * 60 * 1000;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/**
 * Generates a fresh test PKI at every start (nothing secret is committed): a CA, a server
 * certificate for 127.0.0.1/localhost and an RP client certificate, both signed by the CA,
 * as production has BankID's CA, its server and the municipality's RP certificate.
 */
export async function generateBankIdCertificates(directory?: string): Promise<BankIdTestCertificates> {
  const notBefore = new Date(Date.now() - DAY);
  const notAfter = new Date(Date.now() + 365 * DAY);
  const caKeys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Frontdoor sandbox BankID test CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const issue = async (subject: string, usage: string, extra: x509.Extension[]) => {
    const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([usage]),
        ...extra,
      ],
    });
    const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
    return { certPem: cert.toString('pem'), keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') };
  };
  const server = await issue('CN=localhost', x509.ExtendedKeyUsage.serverAuth, [
    new x509.SubjectAlternativeNameExtension([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
    ]),
  ]);
  const client = await issue('CN=Frontdoor RP (sandbox)', x509.ExtendedKeyUsage.clientAuth, []);
  const certificates: BankIdTestCertificates = {
    caPem: ca.toString('pem'),
    serverCertPem: server.certPem,
    serverKeyPem: server.keyPem,
    clientCertPem: client.certPem,
    clientKeyPem: client.keyPem,
  };
  if (directory) writeCertificates(directory, certificates);
  return { ...certificates, directory };
}

function writeCertificates(directory: string, certificates: BankIdTestCertificates): void {
  mkdirSync(directory, { recursive: true });
  const write = (name: string, pem: string, secret = false) =>
    writeFileSync(join(directory, name), pem, { mode: secret ? 0o600 : 0o644 });
  write(BANKID_CERT_FILES.ca, certificates.caPem);
  write(BANKID_CERT_FILES.serverCert, certificates.serverCertPem);
  write(BANKID_CERT_FILES.serverKey, certificates.serverKeyPem, true);
  write(BANKID_CERT_FILES.clientCert, certificates.clientCertPem);
  write(BANKID_CERT_FILES.clientKey, certificates.clientKeyPem, true);
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex');
}
