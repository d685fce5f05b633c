import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditService, PartyService, parsePersonalNumber } from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { AccessPolicy } from '../platform/access/access-policy';
import { openPerson, recordPurpose } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import { AccessRecordInfo, Me } from '../platform/schema/me.types';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';

/**
 * The citizen's own entry (Mina sidor): their person, with every department's matters and
 * their cases, and who has looked at their data (GDPR art. 15: the right of access).
 */
@Resolver(() => Me)
export class MeResolver {
  constructor(
    private readonly parties: PartyService,
    private readonly audit: AuditService,
    private readonly policy: AccessPolicy,
  ) {}

  @Query(() => Me, { description: 'The signed-in citizen: their matters, cases and access history.' })
  @Allow('citizen')
  async me(@Context() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<Me> {
    // The e-ID claim as the token verifier read it; tokens without it named the person in sub.
    const personalNumber = parsePersonalNumber(principal.personalNumber ?? principal.subject, 'sub').value;
    const party = await this.parties.partyFor(personalNumber);
    recordPurpose(ctx, this.policy, null);
    // No prefetch: `me { accessHistory }` alone must not make the hub ask any department.
    return { person: await openPerson(ctx, this.policy, personalNumber, party.id, false) };
  }

  @ResolveField(() => [AccessRecordInfo], {
    description: 'Who has read your data, newest first (staff by role; your own reads included).',
  })
  async accessHistory(@Parent() me: Me): Promise<AccessRecordInfo[]> {
    const records = await this.audit.forParty(me.person.partyId, 200);
    return records.map((r) => ({
      at: r.occurredAt,
      role: r.actorRole,
      sources: r.plugins,
      fieldGroups: r.fieldGroups,
      purpose: r.purpose,
    }));
  }
}
