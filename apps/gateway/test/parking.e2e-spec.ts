import { randomUUID } from 'node:crypto';
import {
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';

const ANNA = '199001012385'; // a residents' permit in force, an old paid fine
const BERTIL = '196408233234'; // an unpaid fine, due in three days
const CECILIA = '200002292399'; // protected identity, a permit whose zone says where she lives
const SAM = '191401682396'; // a permit application, a fine under review

const OVERVIEW = (pn: string) => `{ person(personalNumber: "${pn}") {
  statuses { source kind reference title label nextStep dueDate payment { ocr bankgiro amountOre } }
  sources { plugin state }
} }`;
const DETAIL = (pn: string) => `{ person(personalNumber: "${pn}") { parking {
  permits { permitId label zone vehicle validTo }
  fines { fineId label location amountSek dueDate review { reasonLabel stateLabel } }
} } }`;
const REVIEW = `mutation($key: String!, $input: ParkingFineReviewInput!) {
  requestParkingFineReview(idempotencyKey: $key, input: $input) { accepted reviewId label }
}`;
const BERTILS_REVIEW = {
  personalNumber: BERTIL,
  fineId: 'FP-2026-004711',
  reason: 'PERMIT_VALID',
  message: 'Jag hade giltigt boendeparkeringstillstånd i zonen, det låg i vindrutan.',
};

interface Status {
  source: string;
  kind: string;
  reference: string;
  title: string;
  label: string;
  nextStep: string | null;
  dueDate: string | null;
  payment: { ocr: string; bankgiro: string; amountOre: number } | null;
}
interface Overview {
  person: { statuses: Status[]; sources: { plugin: string; state: string }[] };
}
type Receipt = { requestParkingFineReview: { accepted: boolean; reviewId: string | null; label: string } };

/**
 * Issue 26: parking (Parkering), a department that is not secret: residents' permits and parking
 * fines read at level 1 (statuses) and 2 (detail), a request for a fine's review at level 3.
 */
describe('the parking department (Parkering): permits, fines and reviews', () => {
  let sandbox: SandboxHandle;
  let hub: TestHub;
  let tokens: Record<'agent' | 'officer' | 'bertil', string>;

  beforeAll(async () => {
    sandbox = await startSandbox();
    hub = await startHub({
      sandbox,
      plugins: {
        parking: { connection: sandboxConnection(sandbox, 'parking') },
        swimming: { connection: sandboxConnection(sandbox, 'swim') },
        // Says who has protected identity, so the hub blanks their whereabouts.
        'population-register': {
          cache: { ttlMs: 0, staleIfErrorMs: 0 },
          connection: sandboxConnection(sandbox, 'register'),
        },
      },
      access: { mandates: { roles: { agent: { '*': 3 }, case_officer: { '*': 1 }, citizen: { '*': 1 } } } },
    });
    tokens = {
      agent: await hub.token('agent', 'agent-anna'),
      officer: await hub.token('case_officer', 'officer-omar'),
      bertil: await hub.token('citizen', BERTIL),
    };
  });
  afterEach(() => sandbox.clearFaults());
  afterAll(async () => {
    await hub?.close();
    await sandbox?.close();
  });

  const overview = async (pn: string, who: keyof typeof tokens = 'agent') => {
    const response = await hub.graphql<Overview>(OVERVIEW(pn), {}, { token: tokens[who] });
    return {
      errors: response.errors,
      statuses: response.data?.person.statuses.filter((s) => s.source === 'parking') ?? [],
      state: (plugin: string) => response.data?.person.sources.find((s) => s.plugin === plugin)?.state,
    };
  };
  const reviews = async () =>
    (await (await fetch(`${sandbox.url}/parking/admin/reviews`)).json()) as {
      fineId: string;
      reviewId: string;
    }[];
  const requestReview = (
    input: Record<string, unknown>,
    key = randomUUID(),
    who: keyof typeof tokens = 'agent',
  ) => hub.graphql<Receipt>(REVIEW, { key, input }, { token: tokens[who] });

  it('tells the agent of an unpaid fine: amount, due date and how to pay', async () => {
    const { statuses, errors } = await overview(BERTIL);
    expect(errors).toBeUndefined();
    expect(statuses).toEqual([
      {
        source: 'parking',
        kind: 'parking-fine',
        reference: 'FP-2026-004711',
        title: 'Felparkeringsavgift 2026-11-19',
        label: 'Obetald',
        nextStep: '800 kr, förfaller 2026-11-27',
        dueDate: '2026-11-27',
        payment: { ocr: '2600471108', bankgiro: '5050-1055', amountOre: 80_000 },
      },
    ]);
  });

  it('words the fine for Bertil himself on Mina ärenden', async () => {
    const response = await hub.graphql<{ me: { person: { statuses: Status[] } } }>(
      '{ me { person { statuses { source label nextStep } } } }',
      {},
      { token: tokens.bertil },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.me.person.statuses.filter((s) => s.source === 'parking')).toEqual([
      {
        source: 'parking',
        label: 'Du har en obetald avgift',
        nextStep: 'Betala 800 kr senast 2026-11-27, eller begär omprövning',
      },
    ]);
  });

  it('gives the permit and the fines at level 2, and refuses the detail at level 1', async () => {
    const detail = await hub.graphql<{ person: { parking: unknown } }>(
      DETAIL(ANNA),
      {},
      { token: tokens.agent },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data!.person.parking).toEqual({
      permits: [
        {
          permitId: 'BP-2026-0311',
          label: 'Giltigt',
          zone: 'Zon C Norrböle',
          vehicle: 'KLM 42A',
          validTo: '2027-03-31',
        },
      ],
      fines: [
        {
          fineId: 'FP-2026-003120',
          label: 'Betald',
          location: 'Kanalgatan 12',
          amountSek: 500,
          dueDate: '2026-10-03',
          review: null,
        },
      ],
    });
    const refused = await hub.graphql(DETAIL(ANNA), {}, { token: tokens.officer });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/needs mandate level 2 in Parkering; .* has level 1\./);
  });

  it('blanks where a protected person lives: the permit’s zone', async () => {
    const { statuses } = await overview(CECILIA);
    expect(statuses).toEqual([
      expect.objectContaining({
        reference: 'BP-2026-0502',
        label: 'Giltigt',
        nextStep: 'Skyddad uppgift, CCA 200, gäller till 2027-05-15',
      }),
    ]);
    expect(JSON.stringify(statuses)).not.toContain('Centrum');
    const detail = await hub.graphql<{ person: { parking: { permits: { zone: string }[] } } }>(
      DETAIL(CECILIA),
      {},
      { token: tokens.agent },
    );
    expect(detail.data!.person.parking.permits[0].zone).toBe('Skyddad uppgift');
  });

  it('files a review once however often it is retried; the next read shows the fine under review', async () => {
    const key = randomUUID();
    const first = await requestReview(BERTILS_REVIEW, key);
    const retry = await requestReview(BERTILS_REVIEW, key);
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const receipt = first.data!.requestParkingFineReview;
    expect(receipt).toEqual({
      accepted: true,
      reviewId: expect.stringMatching(/^OMP-/),
      label: `Begäran om omprövning av FP-2026-004711 är mottagen (${receipt.reviewId}): Giltigt tillstånd fanns. Avgiften behöver inte betalas förrän omprövningen är klar.`,
    });
    expect((await reviews()).filter((r) => r.fineId === 'FP-2026-004711')).toHaveLength(1);
    expect((await overview(BERTIL)).statuses).toEqual([
      expect.objectContaining({
        reference: 'FP-2026-004711',
        label: 'Omprövning begärd',
        nextStep: 'Betalningen väntar tills omprövningen är klar',
        dueDate: null,
        payment: null,
      }),
    ]);

    // Asked again, under a new key: the system says why not, in Swedish.
    const again = await requestReview(BERTILS_REVIEW);
    expect(again.data!.requestParkingFineReview).toEqual({
      accepted: false,
      reviewId: null,
      label: 'Omprövning är redan begärd för avgiften.',
    });
  });

  it('does not file a review of someone else’s fine, and says why', async () => {
    const before = (await reviews()).length;
    const other = await requestReview({ ...BERTILS_REVIEW, personalNumber: ANNA });
    expect(other.data!.requestParkingFineReview).toMatchObject({
      accepted: false,
      label: expect.stringContaining('inte äger'),
    });
    expect((await reviews()).length).toBe(before);
  });

  it.each([
    [{ ...BERTILS_REVIEW, fineId: 'BOT 4711' }, 'input.fineId', 'FP-2026-004711'],
    [{ ...BERTILS_REVIEW, reason: 'ANGRY' }, 'input.reason', 'välj SIGN_UNCLEAR'],
    [{ ...BERTILS_REVIEW, message: 'Nej' }, 'input.message', 'beskriv vad som hände'],
    [{ ...BERTILS_REVIEW, personalNumber: '6408233234' }, 'input.personalNumber', 'tolv siffror'],
  ])('refuses bad input %#, naming the field in Swedish and filing nothing', async (input, field, text) => {
    const before = (await reviews()).length;
    const refused = await requestReview(input);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(refused.errors?.[0].message).toContain(text);
    expect((await reviews()).length).toBe(before);
  });

  it('refuses a review below level 3, filing nothing', async () => {
    const refused = await requestReview(
      { ...BERTILS_REVIEW, fineId: 'FP-2026-003120', personalNumber: ANNA },
      randomUUID(),
      'officer',
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await reviews()).some((r) => r.fineId === 'FP-2026-003120')).toBe(false);
  });

  it.each(['error', 'garbage'] as const)(
    'answers partly and honestly when the parking system gives %s: FAILED, never "no matters"; baths still answer',
    async (mode) => {
      await sandbox.setFault({ system: 'parking', mode });
      const { statuses, errors, state } = await overview(ANNA);
      expect(statuses).toEqual([]);
      expect(state('parking')).toBe('FAILED');
      expect(errors?.some((e) => e.extensions?.plugin === 'parking')).toBe(true);
      expect(state('swimming')).toBe('OK');
    },
  );

  it('books nothing when the parking system is down, and says so', async () => {
    const before = (await reviews()).length;
    await sandbox.setFault({ system: 'parking', mode: 'error' });
    const refused = await requestReview({ ...BERTILS_REVIEW, personalNumber: SAM, fineId: 'FP-2026-004288' });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', plugin: 'parking' });
    await sandbox.clearFaults();
    expect((await reviews()).length).toBe(before);
  });
});
