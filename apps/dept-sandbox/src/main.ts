import { buildSandbox, startMailCatcher } from '@frontdoor/dept-sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const app = buildSandbox({ today: process.env.SANDBOX_TODAY, logger: process.env.SANDBOX_LOG === 'true' });

const smtpPort = Number(process.env.SANDBOX_SMTP_PORT ?? 4025);

startMailCatcher(app, smtpPort)
  .then(() => app.listen({ host: '127.0.0.1', port }))
  .then(
    (address) =>
      console.log(
        `dept-sandbox listening on ${address} (mail relay smtp://127.0.0.1:${smtpPort}, caught mail at ${address}/demo/mail)`,
      ),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void app.close().then(() => process.exit(0)));
