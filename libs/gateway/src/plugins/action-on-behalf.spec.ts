import { AuditTrail, FrontdoorError, Representations } from '@frontdoor/core';
import type { AnyPluginAction } from '@frontdoor/plugin-sdk';
import type { AccessPolicy } from '../platform/access/access-policy';
import type { RequestContext } from '../platform/request/request-context';
import { assertActsOnBehalf, assertCitizenMayRun } from './action-on-behalf';

const ANNA = '199001012385';
const ELSA = '201708142425';
const BERTIL = '196408233234';
const plugin = { id: 'school-absence', department: 'Grundskola – frånvaro' } as never;
const parties = { partyFor: async (pn: string) => ({ id: `party-${pn}` }) } as never;
// Elsa is in Anna's custody; nobody has a power of attorney; no department is secret.
const representations = new Representations(
  { between: async () => [] } as never,
  { isSecret: () => false } as never,
  async () => ({ ok: false, reason: 'not used' }),
  () => new Date('2026-11-24T10:00:00Z'),
);

/** `closedReason`: the plugin closes the subject's answer to representatives (SDK 4.4) with it. */
function context(role: 'agent' | 'citizen', personalNumber?: string, closedReason?: string): RequestContext {
  return {
    requestId: 'r-1',
    principal: { subject: personalNumber ?? 'agent-anna', role, personalNumber, name: 'Anna Andersson' },
    reads: {
      custody: async (pn: string) =>
        pn === ELSA
          ? { ok: true, guardians: [ANNA], children: [] }
          : { ok: true, guardians: [], children: [] },
      representativeClosure: async () =>
        closedReason ? { state: 'closed', reason: closedReason } : { state: 'open' },
      refuseOnce: (trail: AuditTrail, partyId: string, _plugin: string, reason: string, field: string) =>
        trail.refuse(partyId, reason, [field]),
    },
  } as unknown as RequestContext;
}

const action = (declared: Partial<AnyPluginAction>) =>
  ({
    field: 'reportPupilSick',
    subjects: (i: { pupil: string }) => [i.pupil],
    ...declared,
  }) as AnyPluginAction;
const onBehalf = action({
  citizens: 'self-or-represented',
  onBehalfOf: (i) => {
    const input = i as { guardian: string; pupil: string };
    return { representative: input.guardian, subject: input.pupil };
  },
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FrontdoorError);
  return error as FrontdoorError;
}

describe('an action done on someone’s behalf: the hub checks representation', () => {
  it('lets the guardian act for her child, on both paths, audited "on behalf of"', async () => {
    for (const ctx of [context('citizen', ANNA), context('agent')]) {
      await assertActsOnBehalf(
        ctx,
        parties,
        representations,
        plugin,
        onBehalf,
        { guardian: ANNA, pupil: ELSA },
        [ELSA],
      );
      const row = (ctx.audit as AuditTrail).entries().find((e) => e.partyId === `party-${ELSA}`)!;
      expect(row.onBehalf).toMatchObject({ personalNumber: ANNA, basis: 'guardian' });
    }
  });

  it('refuses the guardian when the department closes the child’s matters to representatives (SDK 4.4), audited', async () => {
    const reason = 'Sekretess mot vårdnadshavare: hänvisa till förvaltningen.';
    for (const ctx of [context('citizen', ANNA, reason), context('agent', undefined, reason)]) {
      const error = await refusal(
        assertActsOnBehalf(ctx, parties, representations, plugin, onBehalf, { guardian: ANNA, pupil: ELSA }, [
          ELSA,
        ]),
      );
      expect([error.code, error.message]).toEqual(['FORBIDDEN', reason]);
      const refused = (ctx.audit as AuditTrail).entries().find((e) => e.refusal !== null)!;
      expect(refused).toMatchObject({
        partyId: `party-${ELSA}`,
        refusal: reason,
        fieldGroups: ['reportPupilSick'],
      });
    }
  });

  it('refuses someone who is not the guardian, in Swedish worded for the reader, and audits it', async () => {
    const staff = context('agent');
    const byStaff = await refusal(
      assertActsOnBehalf(
        staff,
        parties,
        representations,
        plugin,
        onBehalf,
        { guardian: BERTIL, pupil: ELSA },
        [ELSA],
      ),
    );
    expect([byStaff.code, byStaff.message]).toEqual([
      'FORBIDDEN',
      'Den som anmäler är inte vårdnadshavare för barnet enligt folkbokföringen.',
    ]);
    expect((staff.audit as AuditTrail).entries().map((e) => e.refusal)).toEqual([byStaff.message]);
    const citizen = context('citizen', BERTIL);
    const byCitizen = await refusal(
      assertActsOnBehalf(
        citizen,
        parties,
        representations,
        plugin,
        onBehalf,
        { guardian: BERTIL, pupil: ELSA },
        [ELSA],
      ),
    );
    expect(byCitizen.message).toBe('Du är inte vårdnadshavare för barnet enligt folkbokföringen.');
  });

  it('lets a citizen act only in her own name', async () => {
    const asAnna = await refusal(
      assertActsOnBehalf(
        context('citizen', BERTIL),
        parties,
        representations,
        plugin,
        onBehalf,
        { guardian: ANNA, pupil: ELSA },
        [ELSA],
      ),
    );
    expect(asAnna.message).toBe('Du kan bara göra detta i ditt eget namn.');
    // Without onBehalfOf: a citizen must be one of the subjects.
    const forHerself = action({ citizens: 'self-or-represented' });
    await assertActsOnBehalf(
      context('citizen', ANNA),
      parties,
      representations,
      plugin,
      forHerself,
      { pupil: ANNA },
      [ANNA],
    );
    const forSomeoneElse = await refusal(
      assertActsOnBehalf(
        context('citizen', ANNA),
        parties,
        representations,
        plugin,
        forHerself,
        { pupil: ELSA },
        [ELSA],
      ),
    );
    expect(forSomeoneElse.message).toBe('Du kan bara göra detta i ditt eget namn.');
  });

  it('opens an action to citizens only where the plugin says so and the citizen role may read the department', async () => {
    const policy = (level: number) =>
      ({
        mandatesIn: async (_p: unknown, [d]: string[]) => new Map([[d, level]]),
      }) as unknown as AccessPolicy;
    const ctx = context('citizen', ANNA);
    await assertCitizenMayRun(ctx, policy(1), plugin, onBehalf);
    expect((await refusal(assertCitizenMayRun(ctx, policy(0), plugin, onBehalf))).code).toBe('FORBIDDEN');
    expect((await refusal(assertCitizenMayRun(ctx, policy(1), plugin, action({})))).message).toContain(
      'not by citizens',
    );
  });
});
