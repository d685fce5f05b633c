import { buildSandbox } from '@frontdoor/dept-sandbox';

const port = Number(process.env.SANDBOX_PORT ?? 4010);
const app = buildSandbox({ today: process.env.SANDBOX_TODAY, logger: process.env.SANDBOX_LOG === 'true' });

app.listen({ host: '127.0.0.1', port }).then(
  (address) => console.log(`dept-sandbox listening on ${address}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
