import { StatusState } from '@frontdoor/plugin-sdk';
import { AuditTrail } from '../audit/audit-trail';
import { FrontdoorError } from '../errors/frontdoor-error';
import { HubMetrics } from '../metrics/hub-metrics';
import type { FetchedAnswer, PersonAnswers } from './person-answers';
import { CLOSURE_UNCHECKED_REASON, PersonRequestReader, type OpenedPerson } from './person-reader';
import type { PluginRuntime } from './plugin-runtime';

interface Answer {
  matters: string[];
  marked: boolean;
}

const REASON = 'Sekretess mot vårdnadshavare: hänvisa till förvaltningen.';

/** A secrecy plugin whose answer may be marked closed to representatives (SDK 4.4). */
function closingRuntime(hook: (answer: Answer) => string | undefined) {
  const plugin = {
    id: 'closing',
    department: 'Barn och unga',
    settings: { timeoutMs: 1000 },
    definition: {
      person: {
        whereabouts: [],
        placeIds: [],
        statuses: (answer: Answer | null) =>
          (answer?.matters ?? []).map((reference) => ({
            kind: 'matter',
            reference,
            title: 'Ärende',
            state: StatusState.IN_PROGRESS,
            label: 'Pågår',
          })),
        detail: { field: 'closing', map: (answer: Answer | null) => answer },
        closedToRepresentatives: hook,
      },
    },
  };
  return { id: plugin.id, plugin, todayInSweden: () => '2026-12-05' } as unknown as PluginRuntime;
}

function readerFor(runtime: PluginRuntime, answer: () => FetchedAnswer) {
  const answers = { answer: async () => answer() } as unknown as PersonAnswers;
  return new PersonRequestReader(
    [runtime.plugin],
    new Map([[runtime.id, runtime]]),
    answers,
    undefined,
    new HubMetrics(),
  );
}

const ok = (runtime: PluginRuntime, answer: Answer | null): FetchedAnswer => ({
  ok: true,
  plugin: runtime.plugin,
  answer,
  asOf: new Date('2026-12-05T08:00:00Z'),
  stale: false,
  fromCache: false,
});

const person = (representedIn: string[]): OpenedPerson => ({
  personalNumber: '202402292383',
  partyId: 'party-tilde',
  protectedIdentity: false,
  redactWhereabouts: false,
  scope: { permitted: ['closing'], withheld: [], seesProtectedWhereabouts: false, representedIn },
});

const trail = () => new AuditTrail({ subject: 'agent-gun', role: 'agent' }, 'r-1');
const marked = (answer: Answer) => (answer.marked ? REASON : undefined);

describe('a department closed to representatives (SDK 4.4 closedToRepresentatives)', () => {
  it('withholds a marked answer from a reader on a representation: no status, WITHHELD with the reason, detail refused, one audit row', async () => {
    const runtime = closingRuntime(marked);
    const reads = readerFor(runtime, () => ok(runtime, { matters: ['U-1'], marked: true }));
    const audit = trail();
    const tilde = person(['closing']);
    expect((await reads.statuses(tilde, audit)).items).toEqual([]);
    expect(await reads.sources(tilde, audit)).toEqual([
      {
        plugin: 'closing',
        department: 'Barn och unga',
        state: 'WITHHELD',
        withheldFor: 'CLOSED_TO_REPRESENTATIVES',
        reason: REASON,
      },
    ]);
    const refused = await reads.detail(tilde, 'closing', audit).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FrontdoorError);
    expect((refused as FrontdoorError).message).toBe(REASON);
    const rows = audit.entries();
    expect(rows.filter((r) => r.refusal === REASON)).toEqual([
      expect.objectContaining({
        partyId: 'party-tilde',
        plugins: [],
        fieldGroups: ['closedToRepresentatives', 'statuses'],
      }),
    ]);
    expect(rows.some((r) => r.plugins.includes('closing'))).toBe(false);
  });

  it('answers the same marked answer to a reader on no representation', async () => {
    const runtime = closingRuntime(marked);
    const reads = readerFor(runtime, () => ok(runtime, { matters: ['U-1'], marked: true }));
    const audit = trail();
    expect((await reads.statuses(person([]), audit)).items.map((i) => i.reference)).toEqual(['U-1']);
    expect(audit.entries().some((r) => r.refusal !== null)).toBe(false);
  });

  it('answers an unmarked answer, and a person the department does not know, to a representative', async () => {
    const runtime = closingRuntime(marked);
    const unmarked = readerFor(runtime, () => ok(runtime, { matters: ['U-2'], marked: false }));
    expect((await unmarked.statuses(person(['closing']), trail())).items.map((i) => i.reference)).toEqual([
      'U-2',
    ]);
    const unknown = readerFor(runtime, () => ok(runtime, null));
    expect(await unknown.representativeClosure('closing', '202402292383')).toEqual({ state: 'open' });
  });

  it('closes when the hook throws (fail closed), with a reason that says it could not be checked', async () => {
    const runtime = closingRuntime(() => {
      throw new Error('mapping broke');
    });
    const reads = readerFor(runtime, () => ok(runtime, { matters: ['U-1'], marked: false }));
    const [source] = await reads.sources(person(['closing']), trail());
    expect(source).toMatchObject({ state: 'WITHHELD', reason: CLOSURE_UNCHECKED_REASON });
  });

  it('cannot tell when the department fails: unknown (an action is not run), the read FAILED, nothing shown', async () => {
    const runtime = closingRuntime(marked);
    const failure = { plugin: 'closing', code: 'SOURCE_UNAVAILABLE', reason: 'down' };
    const reads = readerFor(runtime, () => ({ ok: false, plugin: runtime.plugin, failure }) as never);
    expect(await reads.representativeClosure('closing', '202402292383')).toEqual({
      state: 'unknown',
      failure,
    });
    const [source] = await reads.sources(person(['closing']), trail());
    expect(source.state).toBe('FAILED');
  });

  it('asks the department once per request however many fields ask', async () => {
    const runtime = closingRuntime(marked);
    let asked = 0;
    const reads = readerFor(runtime, () => (asked++, ok(runtime, { matters: ['U-1'], marked: true })));
    const tilde = person(['closing']);
    const audit = trail();
    await Promise.all([reads.statuses(tilde, audit), reads.sources(tilde, audit)]);
    await reads.representativeClosure('closing', tilde.personalNumber);
    expect(asked).toBe(1);
  });
});
