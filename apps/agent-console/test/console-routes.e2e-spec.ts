import { existsSync } from 'node:fs';
import { DEMO_CASE_SETUP, startHub, type TestHub } from '@frontdoor/testing';
import { CHROMIUM, launchBrowser, signIn } from './browser';
import { ensureConsoleBuilt } from './console-build';

/**
 * What the gateway serves for the console (libs/gateway/src/console) in the embedded default
 * without an OIDC provider: the demo sign-in, who a token is (staff only), and the build.
 */
describe('the gateway’s /console/ routes', () => {
  let hub: TestHub;

  beforeAll(async () => {
    ensureConsoleBuilt();
    hub = await startHub({ cases: DEMO_CASE_SETUP });
  }, 60_000);
  afterAll(() => hub?.close());

  const session = (token?: string) =>
    fetch(`${hub.url}/console/session`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('tells the console to use the demo sign-in when no OIDC issuer is configured, with the case setup’s names only', async () => {
    const config = (await (await fetch(`${hub.url}/console/config.json`)).json()) as Record<string, unknown>;
    expect(config.issuer).toBeNull();
    expect(config.clientId).toBe('agent-console');
    expect((config.demoUsers as { id: string }[]).map((u) => u.id)).toEqual(
      expect.arrayContaining(['agent-anna', 'officer-karin', 'citizen-anna']),
    );
    expect(config.answerGroups).toContainEqual({
      key: 'forskola',
      name: 'Svarsgrupp förskola',
      department: 'Förskola',
    });
    expect(JSON.stringify(config)).not.toMatch(/@|"members":|"manager":|notificationEmail/); // no e-mail addresses or memberships before sign-in
  });

  it('answers who a staff token is, with the answer groups the hub gives them', async () => {
    const response = await session(await hub.token('case_officer', 'officer-karin'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      subject: 'officer-karin',
      name: 'officer-karin',
      role: 'case_officer',
      answerGroups: [{ key: 'forskola', name: 'Svarsgrupp förskola', department: 'Förskola' }],
    });
  });

  it('refuses a citizen (403 NOT_STAFF) and a missing or forged token (401)', async () => {
    const citizen = await session(await hub.token('citizen', '199001012385'));
    expect(citizen.status).toBe(403);
    expect(await citizen.json()).toMatchObject({ error: 'NOT_STAFF' });
    expect((await session()).status).toBe(401);
    const agent = await hub.token('agent', 'agent-1');
    expect((await session(`${agent.slice(0, -4)}AAAA`)).status).toBe(401);
  });

  it('serves the built app at /console/ and redirects /console there', async () => {
    const page = await fetch(`${hub.url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(`${hub.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const bare = await fetch(`${hub.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  (existsSync(CHROMIUM) ? it : it.skip)(
    'signs in through the console’s own demo picker, marked as a demo, when there is no issuer',
    async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${hub.url}/console/`);
        await page.getByRole('button', { name: 'Logga in' }).click();
        await expect(page.getByText(/^Demo: välj en testanvändare/).count()).resolves.toBe(1);
        await signIn(page, `${hub.url}/console/`, 'officer-karin');
        await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(
          'Inloggad som Karin Lund (handläggare)',
        );
        await page.keyboard.press('Alt+Digit2');
        await expect(page.getByLabel('Svarsgrupp').inputValue()).resolves.toBe('forskola'); // her own group first
      } finally {
        await browser.close();
      }
    },
  );
});
