import {
  buildBankIdServer,
  buildSandboxParts,
  generateBankIdCertificates,
  startMailCatcher,
} from '@frontdoor/dept-sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const bankIdPort = Number(process.env.SANDBOX_BANKID_PORT ?? 4011);
// The hub reads the RP client certificate, its key and the CA from here (config/embedded.json).
const bankIdCertDir = process.env.SANDBOX_BANKID_CERT_DIR ?? 'data/bankid-sandbox';
const approveSeconds = Number(process.env.SANDBOX_BANKID_APPROVE_SECONDS ?? 0) || undefined;
const logger = process.env.SANDBOX_LOG === 'true';
const sandbox = buildSandboxParts({
  today: process.env.SANDBOX_TODAY,
  logger,
  bankIdAutoApproveAfterMs: approveSeconds && approveSeconds * 1000,
});
const app = sandbox.app;

const smtpPort = Number(process.env.SANDBOX_SMTP_PORT ?? 4025);

async function start() {
  const certificates = await generateBankIdCertificates(bankIdCertDir);
  const bankId = buildBankIdServer(sandbox.bankIdOrders, sandbox.faults, certificates, logger);
  app.addHook('onClose', () => bankId.close());
  await startMailCatcher(app, smtpPort);
  const bankIdAddress = await bankId.listen({ host: '127.0.0.1', port: bankIdPort });
  const address = await app.listen({ host: '127.0.0.1', port });
  console.log(
    `dept-sandbox listening on ${address} (mail relay smtp://127.0.0.1:${smtpPort}, caught mail at ${address}/demo/mail; ` +
      `BankID RP API ${bankIdAddress}/rp/v6.0/ with mutual TLS, certificates in ${bankIdCertDir})`,
  );
}

start().catch((error) => {
  console.error(error);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
