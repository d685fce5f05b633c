import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { PartyService, parsePersonalNumber, sourceError } from '@frontdoor/core';
import { Allow } from '../auth/allow.decorator';
import { assertMayReadPerson, auditTrailOf } from './person-access';
import { Person } from './person.type';
import type { RequestContext } from './request-context';
import { SourceReport, SourceState } from './source-report.type';
import { StatusItem } from './status-item.type';

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly parties: PartyService) {}

  @Query(() => Person, {
    nullable: true,
    description: 'A person by personal identity number (10 or 12 digits, with or without - or +).',
  })
  @Allow('agent', 'case_officer', 'manager', 'admin', 'citizen')
  async person(@Args('personalNumber') input: string, @Context() ctx: RequestContext): Promise<Person> {
    const personalNumber = parsePersonalNumber(input).value;
    assertMayReadPerson(ctx.principal!, personalNumber);
    const party = await this.parties.partyFor(personalNumber);
    auditTrailOf(ctx).record(party.id, []);
    return { personalNumber, partyId: party.id };
  }

  @ResolveField(() => [StatusItem], {
    description:
      'Every matter from every connected department, newest first. A department that fails leaves its part out and adds an error (SOURCE_UNAVAILABLE / SOURCE_INVALID_RESPONSE) naming the plugin.',
  })
  async statuses(@Parent() person: Person, @Context() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<StatusItem[]> {
    const outcomes = await ctx.sources.readAll(person.personalNumber);
    const items: StatusItem[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) items.push(...outcome.statuses.map((item) => ({ ...item, asOf: outcome.asOf })));
      else ctx.sourceErrors.push(sourceError(outcome.failure, responsePathAsArray(info.path)));
    }
    auditTrailOf(ctx).record(person.partyId, outcomes.map((o) => o.plugin.id));
    return items.sort(newestFirst);
  }

  @ResolveField(() => [SourceReport], { description: 'How each connected department answered: fresh, stale from the cache (with asOf), or failed.' })
  async sources(@Parent() person: Person, @Context() ctx: RequestContext): Promise<SourceReport[]> {
    const outcomes = await ctx.sources.readAll(person.personalNumber);
    auditTrailOf(ctx).record(person.partyId, outcomes.map((o) => o.plugin.id));
    return outcomes.map((outcome) => ({
      plugin: outcome.plugin.id,
      department: outcome.plugin.department,
      state: !outcome.ok ? SourceState.FAILED : outcome.stale ? SourceState.STALE : SourceState.OK,
      asOf: outcome.ok ? outcome.asOf : undefined,
      errorCode: outcome.failure?.code,
      reason: outcome.failure?.reason,
    }));
  }
}

function newestFirst(a: StatusItem, b: StatusItem): number {
  return (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0);
}
