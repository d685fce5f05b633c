/**
 * The last step of sdk-package.spec.ts, in a plain Node process: a hub with the installed plugin
 * named in config by its package name answers `plugins` and the person's statuses, printed as
 * JSON on stdout. A process of its own because the hub finds the package with Node's own
 * resolution, as in production; inside jest, jest resolves modules itself and keeps what it
 * found missing earlier in a worker (installed-plugins/node_modules did not exist yet).
 *   node -r @swc-node/register tools/scripts/installed-plugin-answers.ts <the plugin's repository>
 */
import { join } from 'node:path';
import { startHub } from '@frontdoor/testing';

async function main(repo: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fake = require(join(repo, 'src/testing/fake-parking-permits-system.ts')) as {
    startFakeParkingPermitsSystem(): Promise<{ connection: unknown; close(): Promise<void> }>;
    PERSON_WITH_MATTERS: string;
  };
  const system = await fake.startFakeParkingPermitsSystem();
  const hub = await startHub({
    plugins: {
      'parking-permits': { module: '@kommun/plugin-parking-permits', connection: system.connection },
    },
  });
  try {
    const answer = await hub.graphql(
      `{ plugins { id } person(personalNumber: "${fake.PERSON_WITH_MATTERS}") { statuses { source reference } sources { plugin state } } }`,
    );
    process.stdout.write(`${JSON.stringify({ data: answer.data, errors: answer.errors })}\n`);
  } finally {
    await hub.close();
    await system.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
