import { CaseCategory, DEFAULT_SPIKE_RULE, ServiceCase, SpikeAlerts, StatisticsDaily } from '@frontdoor/core';
import { randomUUID } from 'node:crypto';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { DEMO_CASE_SETUP, TestClock, startHub, type TestHub } from '@frontdoor/testing';

const ANNA = '199001012385';

/**
 * Issue 26, item 4: a manager publishes an operating notice (driftmeddelande) that the console
 * reads beside the category, a citizen with an open case in it sees, the telephony platform
 * fetches for its greeting and Open311 returns with the service; contacts registered while it
 * holds are counted under it. A category's spike against its usual weekday is told to its manager.
 */
describe('operating notices and spikes', () => {
  let hub: TestHub;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let manager: string;
  let agent: string;
  let platform: string;
  // A Tuesday, 10:00 in Stockholm.
  const clock = new TestClock(Date.parse('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    hub = await startHub({
      plugins: {},
      cases: DEMO_CASE_SETUP,
      clock,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Frontdoor <noreply@exempelstad.se>' },
      auth: { serviceAccounts: { 'telephony-platform': { operations: ['telephonyEvents'] } } },
      notices: { areas: ['Morö Backe', 'Centrum'] },
    });
    manager = await hub.token('manager', 'manager-jonas', 'Jonas Chef');
    agent = await hub.token('agent', 'agent-notice', 'Alva Agent');
    platform = await hub.token('service', 'telephony-platform');
  });
  afterAll(async () => {
    await hub?.close();
    await smtp?.close();
  });

  const publish = (input: string, token = manager) =>
    hub.graphql<{ publishOperatingNotice: { id: string } }>(
      `mutation { publishOperatingNotice(input: ${input}) { id title } }`,
      {},
      { token },
    );
  const register = (summary: string, extra = '') =>
    hub.graphql(
      `mutation { registerContact(input: { channel: PHONE, categoryKey: "avfall", summary: "${summary}"${extra} }) { id } }`,
      {},
      { token: agent },
    );

  it('publishes a notice that the console, the citizen, the telephony platform and Open311 all show', async () => {
    // Anna has an open case in the category: she is among those it concerns.
    expect((await register('Tunnan är inte tömd', `, personalNumber: "${ANNA}"`)).errors).toBeUndefined();
    // The test clock stands still: the notice is published a minute after that contact.
    clock.advance(60_000);
    const published = await publish(
      '{ title: "Försenad sophämtning", text: "Hämtningen i Morö Backe är en dag försenad på grund av snön.", categoryKey: "avfall", area: "Morö Backe", validTo: "2026-11-26T16:00:00Z" }',
    );
    expect(published.errors).toBeUndefined();

    const staff = await hub.graphql<{ operatingNotices: { title: string; contactsDuring: number }[] }>(
      '{ operatingNotices(categoryKey: "avfall") { title text area contactsDuring } }',
      {},
      { token: agent },
    );
    expect(staff.data!.operatingNotices).toEqual([
      {
        title: 'Försenad sophämtning',
        text: 'Hämtningen i Morö Backe är en dag försenad på grund av snön.',
        area: 'Morö Backe',
        contactsDuring: 0,
      },
    ]);
    // Another category's notices are not shown beside this one.
    expect(
      (
        await hub.graphql<{ operatingNotices: unknown[] }>(
          '{ operatingNotices(categoryKey: "fakturor") { id } }',
          {},
          { token: agent },
        )
      ).data!.operatingNotices,
    ).toEqual([]);

    const citizen = await hub.graphql<{
      me: { operatingNotices: { title: string; contactsDuring: number | null }[] };
    }>(
      '{ me { operatingNotices { title contactsDuring } } }',
      {},
      { token: await hub.token('citizen', ANNA) },
    );
    expect(citizen.errors).toBeUndefined();
    expect(citizen.data!.me.operatingNotices).toEqual([
      { title: 'Försenad sophämtning', contactsDuring: null },
    ]);
    const bertil = await hub.graphql<{ me: { operatingNotices: unknown[] } }>(
      '{ me { operatingNotices { title } } }',
      {},
      { token: await hub.token('citizen', '196408233234') },
    );
    expect(bertil.data!.me.operatingNotices).toEqual([]);

    const ivr = await fetch(`${hub.url}/telephony/notices`, {
      headers: { authorization: `Bearer ${platform}` },
    });
    expect(ivr.status).toBe(200);
    expect(((await ivr.json()) as { notices: { title: string }[] }).notices.map((n) => n.title)).toEqual([
      'Försenad sophämtning',
    ]);
    expect(
      (await fetch(`${hub.url}/telephony/notices`, { headers: { authorization: `Bearer ${agent}` } })).status,
    ).toBe(403);

    const services = (await (await fetch(`${hub.url}/open311/v2/services.json`)).json()) as {
      service_code: string;
      service_notice?: string;
    }[];
    expect(services.find((s) => s.service_code === 'avfall')?.service_notice).toContain(
      'Försenad sophämtning',
    );
    expect(services.find((s) => s.service_code !== 'avfall' && s.service_notice)).toBeUndefined();
  });

  it('counts the contacts registered in its category while it holds', async () => {
    clock.advance(60_000);
    await register('Hämtningen uteblev');
    await register('Sopbilen kom inte');
    const { data } = await hub.graphql<{ operatingNotices: { contactsDuring: number }[] }>(
      '{ operatingNotices(categoryKey: "avfall") { contactsDuring } }',
      {},
      { token: agent },
    );
    expect(data!.operatingNotices[0].contactsDuring).toBe(2);
  });

  it.each([
    [
      'no text',
      '{ title: "T", text: "  ", categoryKey: "avfall", validTo: "2026-11-26T16:00:00Z" }',
      'input.text',
    ],
    [
      'a date range in the past',
      '{ title: "T", text: "x", categoryKey: "avfall", validTo: "2026-11-20T16:00:00Z" }',
      'input.validTo',
    ],
    [
      'an end before its start',
      '{ title: "T", text: "x", categoryKey: "avfall", validFrom: "2026-11-26T10:00:00Z", validTo: "2026-11-25T16:00:00Z" }',
      'input.validTo',
    ],
    [
      'an unknown area',
      '{ title: "T", text: "x", area: "Atlantis", validTo: "2026-11-26T16:00:00Z" }',
      'input.area',
    ],
    [
      'an unknown category',
      '{ title: "T", text: "x", categoryKey: "nope", validTo: "2026-11-26T16:00:00Z" }',
      'input.categoryKey',
    ],
    [
      'neither category nor area',
      '{ title: "T", text: "x", validTo: "2026-11-26T16:00:00Z" }',
      'input.categoryKey',
    ],
  ])('refuses a notice with %s, naming the field', async (_label, input, field) => {
    const response = await publish(input);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('takes a text to read aloud of a few sentences, up to 2 000 characters, and refuses one longer', async () => {
    const sentences =
      'Vattnet är avstängt i delar av Centrum till i kväll. Tappställe finns vid Torget. '.repeat(4);
    const taken = await publish(
      `{ title: "Vattenavbrott i Centrum, hela dagen fram till klockan arton i kväll enligt VA-avdelningen", text: "${sentences}", area: "Centrum", validTo: "2026-11-26T16:00:00Z" }`,
    );
    expect(taken.errors).toBeUndefined();
    const refused = await publish(
      `{ title: "T", text: "${'x'.repeat(2001)}", area: "Centrum", validTo: "2026-11-26T16:00:00Z" }`,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
  });

  it('lets managers publish and withdraw, not agents; a withdrawn notice is shown nowhere', async () => {
    const refused = await publish(
      '{ title: "T", text: "x", area: "Centrum", validTo: "2026-11-26T16:00:00Z" }',
      agent,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { data } = await publish(
      '{ title: "Stängd återvinningscentral", text: "Stängt i dag.", area: "Centrum", validTo: "2026-11-25T16:00:00Z" }',
    );
    const id = data!.publishOperatingNotice.id;
    const withdraw = () =>
      hub.graphql(`mutation { withdrawOperatingNotice(id: "${id}") }`, {}, { token: manager });
    expect((await withdraw()).errors).toBeUndefined();
    expect((await withdraw()).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ivr = (await (
      await fetch(`${hub.url}/telephony/notices`, { headers: { authorization: `Bearer ${platform}` } })
    ).json()) as {
      notices: { title: string }[];
    };
    expect(ivr.notices.map((n) => n.title)).not.toContain('Stängd återvinningscentral');
  });

  it('shows managers a category spiking against its usual weekday, with the top words, and mails its manager once a day', async () => {
    const categories = await hub.dataSource.getRepository(CaseCategory).find();
    const parking = categories.find((c) => c.key === 'parkering')!;
    // The usual Tuesday: 8 parking contacts a day (the four Tuesdays before, from the roll-up).
    for (const day of ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17'])
      await hub.dataSource.getRepository(StatisticsDaily).insert({
        id: randomUUID(),
        day,
        dimension: 'CATEGORY',
        key: parking.id,
        contacts: 8,
        resolved: 8,
        forwarded: 0,
      } as unknown as StatisticsDaily);
    // By 10:00 (two hours of nine): usually about 1.8; today 12, most about one thing.
    for (let i = 0; i < 12; i++)
      await hub.graphql(
        `mutation { registerContact(input: { channel: PHONE, categoryKey: "parkering", summary: "Boendeparkering automaten trasig ${i % 3 ? 'Centrum' : 'igen'}", resolvedAtFirstLine: true, resolution: "Hänvisad" }) { id } }`,
        {},
        { token: agent },
      );
    const spikes = await hub.graphql<{
      categorySpikes: { categoryKey: string; today: number; spiking: boolean; topWords: string[] }[];
    }>('{ categorySpikes { categoryKey today usualByNow spiking topWords } }', {}, { token: manager });
    expect(spikes.errors).toBeUndefined();
    const parkingSpike = spikes.data!.categorySpikes.find((s) => s.categoryKey === 'parkering')!;
    expect(parkingSpike).toMatchObject({ today: 12, spiking: true });
    expect(parkingSpike.topWords.slice(0, 3)).toEqual(
      expect.arrayContaining(['automaten', 'boendeparkering', 'trasig']),
    );
    // Avfall had 4 contacts and no usual level: too few to be a spike.
    expect(spikes.data!.categorySpikes.find((s) => s.categoryKey === 'avfall')?.spiking).toBe(false);
    expect(
      (await hub.graphql('{ categorySpikes { categoryKey } }', {}, { token: agent })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(await hub.dataSource.getRepository(ServiceCase).countBy({ categoryId: parking.id })).toBe(12);

    // The job's check (it runs every 15 minutes): the manager is told once that day.
    const sent: { to: string[]; subject: string; text: string }[] = [];
    const alerts = new SpikeAlerts(
      hub.dataSource,
      { send: async (mail) => void sent.push(mail as (typeof sent)[number]) },
      (key) => (key === 'parkering' ? { name: 'Per Chef', email: 'per.chef@exempelstad.se' } : null),
      DEFAULT_SPIKE_RULE,
      () => new Date(clock.now()),
    );
    expect(await alerts.check()).toEqual(['parkering']);
    expect(await alerts.check()).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toEqual(['per.chef@exempelstad.se']);
    expect(sent[0].subject).toBe('Många kontakter om Parkering i dag: 12');
    expect(sent[0].text).toContain('automaten');
  });
});
