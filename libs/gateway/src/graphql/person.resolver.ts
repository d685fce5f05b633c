import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { PartyService, parsePersonalNumber, sourceError } from '@frontdoor/core';
import { AccessPolicy } from '../access/access-policy';
import { Allow } from '../auth/allow.decorator';
import {
  assertMayReadPerson,
  auditTrailOf,
  permittedPlugins,
  personFor,
  readPermittedSources,
  recordPurpose,
} from './person-access';
import { Person } from './person.type';
import type { RequestContext } from './request-context';
import { SourceReport, SourceState } from './source-report.type';
import { StatusItem } from './status-item.type';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly parties: PartyService,
    private readonly policy: AccessPolicy,
  ) {}

  @Query(() => Person, {
    nullable: true,
    description: 'A person by personal identity number (10 or 12 digits, with or without - or +).',
  })
  @Allow('agent', 'case_officer', 'manager', 'admin', 'citizen')
  async person(
    @Args('personalNumber') input: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args('purpose', {
      nullable: true,
      type: () => String,
      description:
        'Why you look the person up: the open contact or case id, or a short reason. Written to the audit log; required when the hub is configured so.',
    })
    purpose?: string,
  ): Promise<Person> {
    const personalNumber = parsePersonalNumber(input).value;
    assertMayReadPerson(ctx.principal!, personalNumber);
    recordPurpose(ctx, this.policy, purpose);
    const party = await this.parties.partyFor(personalNumber);
    auditTrailOf(ctx).record(party.id, [], ['lookup']);
    // Departments are asked while the register is asked about protection: one round trip,
    // not two. Their answers wait unmapped until the view (blanked or not) is known.
    if (asksForDepartmentData(info))
      ctx.sources.prefetch(personalNumber, (await permittedPlugins(ctx, this.policy)).permitted);
    return personFor(ctx, this.policy, personalNumber, party.id);
  }

  @ResolveField(() => [StatusItem], {
    description:
      'Every matter from every connected department the reader has a mandate in, newest first. A department that fails leaves its part out and adds an error (SOURCE_UNAVAILABLE / SOURCE_INVALID_RESPONSE) naming the plugin.',
  })
  async statuses(
    @Parent() person: Person,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatusItem[]> {
    const { read } = await readPermittedSources(ctx, this.policy, person);
    const items: StatusItem[] = [];
    for (const outcome of read) {
      if (outcome.ok) items.push(...outcome.statuses.map((item) => ({ ...item, asOf: outcome.asOf })));
      else ctx.sourceErrors.push(sourceError(outcome.failure, responsePathAsArray(info.path)));
    }
    auditTrailOf(ctx).record(
      person.partyId,
      read.map((o) => o.plugin.id),
      ['statuses'],
    );
    return items.sort(newestFirst);
  }

  @ResolveField(() => [SourceReport], {
    description:
      'How each connected department answered: fresh, stale from the cache (with asOf), failed, or withheld (no mandate there).',
  })
  async sources(@Parent() person: Person, @Context() ctx: RequestContext): Promise<SourceReport[]> {
    const { read, withheld } = await readPermittedSources(ctx, this.policy, person);
    auditTrailOf(ctx).record(
      person.partyId,
      read.map((o) => o.plugin.id),
      ['sources'],
    );
    const reports: SourceReport[] = read.map((outcome) => ({
      plugin: outcome.plugin.id,
      department: outcome.plugin.department,
      state: !outcome.ok ? SourceState.FAILED : outcome.stale ? SourceState.STALE : SourceState.OK,
      asOf: outcome.ok ? outcome.asOf : undefined,
      errorCode: outcome.failure?.code,
      reason: outcome.failure?.reason,
    }));
    for (const id of withheld) {
      const plugin = ctx.sources.plugins.find((p) => p.id === id)!;
      reports.push({
        plugin: id,
        department: plugin.department,
        state: SourceState.WITHHELD,
        reason: 'Ingen behörighet (mandat) för denna förvaltning.',
      });
    }
    return reports;
  }
}

function newestFirst(a: StatusItem, b: StatusItem): number {
  return (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0);
}

/** Fields of Person answered by the hub alone; any other field reads department data. */
const HUB_ONLY_FIELDS = new Set(['personalNumber', 'protectedIdentity', 'cases', '__typename']);

function asksForDepartmentData(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== 'Field' || !HUB_ONLY_FIELDS.has(selection.name.value),
    ),
  );
}
