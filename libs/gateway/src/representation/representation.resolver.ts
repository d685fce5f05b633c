import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  ErrorCode,
  FrontdoorError,
  PartyService,
  PowersOfAttorney,
  forbidden,
  isMinorOn,
  stockholmDate,
  type Custody,
  type PowerOfAttorney,
} from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { isStaff } from '../platform/auth/role-groups';
import { auditTrailOf } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import { Me } from '../platform/schema/me.types';
import { Person } from '../platform/schema/person.type';
import {
  ChildInCustody,
  PowerOfAttorneyInfo,
  RegisterPowerOfAttorneyInput,
  RepresentationInfo,
  RepresentationKind,
} from '../platform/schema/representation.types';
import { powerOfAttorneyInfo } from './power-of-attorney-view';

/** Staff who register and revoke powers of attorney from the signed document (decision 0077). */
const REGISTRARS = ['agent', 'admin'] as const;

/** The register could not say: never "no custody" (fail closed, and said so). */
function custodyUnavailable(): FrontdoorError {
  return new FrontdoorError(
    ErrorCode.SOURCE_UNAVAILABLE,
    'Folkbokföringen svarar inte just nu, så vårdnaden kan inte visas. Försök igen senare.',
  );
}

const birthDateOf = (pn: string) =>
  `${pn.slice(0, 4)}-${pn.slice(4, 6)}-${String(Number(pn.slice(6, 8)) % 60).padStart(2, '0')}`;

/**
 * Powers of attorney and custody in GraphQL: staff register and revoke powers (audited on both
 * people); a citizen sees the powers they gave and received and the minors in their custody;
 * staff see a person's representatives and whom they represent (audited).
 */
@Resolver(() => Person)
export class RepresentationResolver {
  constructor(
    private readonly powers: PowersOfAttorney,
    private readonly policy: AccessPolicy,
    private readonly parties: PartyService,
    private readonly clock: HubClock,
  ) {}

  @Mutation(() => PowerOfAttorneyInfo, {
    description:
      'Registers a power of attorney (fullmakt) from the signed document: agent and admin. Refused with the reason: the same person twice, an unknown department, dates that end before they begin or have ended.',
  })
  @Allow(...REGISTRARS)
  async registerPowerOfAttorney(
    @Args('input') input: RegisterPowerOfAttorneyInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PowerOfAttorneyInfo> {
    const power = await this.powers.register({ ...input }, this.policy, principal.subject);
    await this.audit(ctx, power, 'powerOfAttorneyRegistered');
    return powerOfAttorneyInfo(power, this.clock.now(), true);
  }

  @Mutation(() => PowerOfAttorneyInfo, { description: 'Revokes a power of attorney (agent, admin); once.' })
  @Allow(...REGISTRARS)
  async revokePowerOfAttorney(
    @Args('id') id: string,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PowerOfAttorneyInfo> {
    const power = await this.powers.revoke(id, principal.subject);
    await this.audit(ctx, power, 'powerOfAttorneyRevoked');
    return powerOfAttorneyInfo(power, this.clock.now(), true);
  }

  @ResolveField(() => [RepresentationInfo], {
    nullable: true,
    description:
      'Staff: who may act for the person: guardians (a minor, per the population register) and ombud with a power the person gave. Audited.',
  })
  async representatives(
    @Parent() person: Person,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RepresentationInfo[]> {
    await this.assertMayReadCustody(ctx, principal);
    auditTrailOf(ctx).record(person.partyId, [], ['representatives']);
    const now = this.clock.now();
    const guardians = isMinorOn(person.personalNumber, stockholmDate(now))
      ? this.relationsOrFail(await ctx.reads.custody(person.personalNumber)).guardians
      : [];
    const given = await this.powers.given(person.personalNumber);
    return [
      ...guardians.map((pn) => ({ personalNumber: pn, kind: RepresentationKind.GUARDIAN, power: null })),
      ...given.map((p) => this.powerLink(p.agentPersonalNumber, p, now)),
    ];
  }

  @ResolveField(() => [RepresentationInfo], {
    nullable: true,
    description:
      'Staff: whom the person may act for: minors in their custody (population register) and principals of powers they received. Audited.',
  })
  async represents(
    @Parent() person: Person,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RepresentationInfo[]> {
    await this.assertMayReadCustody(ctx, principal);
    auditTrailOf(ctx).record(person.partyId, [], ['represents']);
    const now = this.clock.now();
    const children = await this.minorsInCustodyOf(ctx, person.personalNumber, now);
    const received = await this.powers.received(person.personalNumber);
    return [
      ...children.map((pn) => ({ personalNumber: pn, kind: RepresentationKind.GUARDIAN, power: null })),
      ...received.map((p) => this.powerLink(p.principalPersonalNumber, p, now)),
    ];
  }

  /** Staff, with information level in the register's department (custody is register data). */
  private async assertMayReadCustody(ctx: RequestContext, principal: Principal): Promise<void> {
    if (!isStaff(principal.role)) throw forbidden('Only staff see a person’s representatives.');
    const register = ctx.reads.plugins.find((p) => p.definition.person.custody);
    if (register) await this.policy.assertMandate(principal, register.department, 1, 'Custody relations');
  }

  private powerLink(other: string, power: PowerOfAttorney, now: Date): RepresentationInfo {
    return {
      personalNumber: other,
      kind: RepresentationKind.POWER_OF_ATTORNEY,
      power: powerOfAttorneyInfo(power, now, true),
    };
  }

  private relationsOrFail(custody: Custody) {
    if (!custody.ok) throw custodyUnavailable();
    return custody;
  }

  async minorsInCustodyOf(ctx: RequestContext, personalNumber: string, now: Date): Promise<string[]> {
    const custody = this.relationsOrFail(await ctx.reads.custody(personalNumber));
    return custody.children.filter((child) => isMinorOn(child, stockholmDate(now)));
  }

  /** Both people's access logs say the power was registered or revoked, and by which staff. */
  private async audit(ctx: RequestContext, power: PowerOfAttorney, what: string): Promise<void> {
    const trail = auditTrailOf(ctx);
    trail.purpose ??= `fullmakt ${power.id}`;
    const [principalParty, agentParty] = await Promise.all([
      this.parties.partyFor(power.principalPersonalNumber),
      this.parties.partyFor(power.agentPersonalNumber),
    ]);
    trail.record(principalParty.id, [], [what]);
    trail.record(agentParty.id, [], [what]);
  }
}

/** The signed-in citizen's side: the powers they gave and received, and the minors in their custody. */
@Resolver(() => Me)
export class MeRepresentationResolver {
  constructor(
    private readonly powers: PowersOfAttorney,
    private readonly clock: HubClock,
  ) {}

  @ResolveField(() => [PowerOfAttorneyInfo], {
    description: 'Powers of attorney you have given (as fullmaktsgivare).',
  })
  async powersGiven(@Parent() me: Me, @Context() ctx: RequestContext): Promise<PowerOfAttorneyInfo[]> {
    auditTrailOf(ctx).record(me.person.partyId, [], ['powersGiven']);
    const now = this.clock.now();
    return (await this.powers.given(me.person.personalNumber)).map((p) => powerOfAttorneyInfo(p, now, false));
  }

  @ResolveField(() => [PowerOfAttorneyInfo], {
    description: 'Powers of attorney you have received (as ombud).',
  })
  async powersReceived(@Parent() me: Me, @Context() ctx: RequestContext): Promise<PowerOfAttorneyInfo[]> {
    auditTrailOf(ctx).record(me.person.partyId, [], ['powersReceived']);
    const now = this.clock.now();
    return (await this.powers.received(me.person.personalNumber)).map((p) =>
      powerOfAttorneyInfo(p, now, false),
    );
  }

  @ResolveField(() => [ChildInCustody], {
    description:
      'The children under 18 in your custody, per the population register (read now). An error, never an empty list, when the register cannot answer.',
  })
  async childrenInCustody(@Parent() me: Me, @Context() ctx: RequestContext): Promise<ChildInCustody[]> {
    auditTrailOf(ctx).record(me.person.partyId, [], ['childrenInCustody']);
    const custody = await ctx.reads.custody(me.person.personalNumber);
    if (!custody.ok) throw custodyUnavailable();
    const today = stockholmDate(this.clock.now());
    return custody.children
      .filter((child) => isMinorOn(child, today))
      .map((personalNumber) => ({ personalNumber, birthDate: birthDateOf(personalNumber) }));
  }
}
