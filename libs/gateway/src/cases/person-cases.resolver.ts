import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseQueries, forbidden } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { AccessPolicy } from '../platform/access/access-policy';
import { auditTrailOf } from '../platform/request/person-access';
import { Person } from '../platform/schema/person.type';
import type { RequestContext } from '../platform/request/request-context';
import { toCaseInfo } from '../platform/schema/case-mapper';
import { caseViewerOf } from './case-viewer';
import { CaseInfo } from '../platform/schema/case.types';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';

@Resolver(() => Person)
export class PersonCasesResolver {
  constructor(
    private readonly queries: CaseQueries,
    private readonly clock: HubClock,
    private readonly policy: AccessPolicy,
  ) {}

  @ResolveField(() => [CaseInfo], {
    description: 'The person’s cases, newest first (a citizen sees their own, with a citizen-safe timeline).',
  })
  async cases(
    @Parent() person: Person,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseInfo[]> {
    // A guardian or ombud reads the departments' matters, not the person's contacts with the hub.
    if (person.view.scope.readerKind === 'representative')
      throw forbidden('Ärenden hos kommunens kundtjänst visas bara för personen själv.');
    const ownCases = principal.role === 'citizen'; // person() already checked it is their own
    const page = await this.queries.list(
      { partyId: person.partyId },
      caseViewerOf(ctx, this.policy, ownCases),
      100,
    );
    auditTrailOf(ctx).record(person.partyId, ['cases']);
    const directory = await this.queries.directory();
    const infos = page.items.map((item) => toCaseInfo(item, directory, this.clock.now()));
    return ownCases ? infos.map(forTheCitizen) : infos;
  }
}

/**
 * A case as its citizen may read it: the first line's summary and the closing resolution are
 * staff text (issue 23), so the summary is the category's name and the resolution none; what
 * was written for the citizen is in the timeline (`events`).
 */
function forTheCitizen(info: CaseInfo): CaseInfo {
  return { ...info, summary: info.category.name, resolution: null };
}
