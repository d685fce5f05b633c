import { Args, Context, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  NOT_IDENTIFIED_REASON,
  PartyService,
  PurposeTies,
  Representations,
  parsePersonalNumber,
  samePerson,
} from '@frontdoor/core';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import {
  assertMayReadPerson,
  auditTrailOf,
  openPerson,
  recordPurpose,
  reportSourceFailures,
  WHY_DESCRIPTION,
} from '../platform/request/person-access';
import { PurposeInput, PurposeReasonOption } from '../platform/schema/purpose.types';
import { Person } from '../platform/schema/person.type';
import { openAsRepresentative, ownPersonalNumber } from '../platform/request/representation-access';
import { REPRESENTATIVE_PURPOSE } from '../platform/request/representation-access';
import type { RequestContext } from '../platform/request/request-context';
import { SourceReport, SourceState } from '../platform/schema/source-report.type';
import { StatusItem } from '../platform/schema/status-item.type';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import { PEOPLE, STAFF } from '../platform/auth/role-groups';

/** Said of a department the reader has no mandate in (it was not asked). */
const WITHHELD_REASON = 'Ingen behörighet (mandat) för denna förvaltning.';
/** A protected person's matter in a secrecy department, for a reader without clearance (issue 24). */
const PROTECTED_MATTER_REASON =
  'Skyddad uppgift: personen har skyddad identitet och förvaltningen omfattas av sekretess.';

/** Said of a department read only with a purpose from the list, when none was given (issue 24). */
const PURPOSE_MISSING_REASON =
  'Syfte saknas: välj ett syfte i listan för att läsa uppgifter från denna förvaltning.';

/**
 * `person` and its department fields. The resolvers only translate: who may read, what the
 * reader's scope is and how failures are reported are decided in `person-access`; reading,
 * redaction, mapping and audit are the core's `PersonRequestReader` (`ctx.reads`).
 */
@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly parties: PartyService,
    private readonly policy: AccessPolicy,
    private readonly ties: PurposeTies,
    private readonly representations: Representations,
  ) {}

  @Query(() => [PurposeReasonOption], {
    description: 'The purposes staff choose from when they look a person up (`why`), as configured.',
  })
  @Allow(...STAFF)
  purposeReasons(): PurposeReasonOption[] {
    return this.policy.purposeReasons.map((r) => ({ key: r.key, label: r.label, needsText: r.needsText }));
  }

  @Query(() => Person, {
    nullable: true,
    description: 'A person by personal identity number (10 or 12 digits, with or without - or +).',
  })
  @Allow(...PEOPLE)
  async person(
    @Args('personalNumber') input: string,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
    @Info() info: GraphQLResolveInfo,
    @Args('purpose', {
      nullable: true,
      type: () => String,
      description:
        'Why you look the person up: the open contact or case id, or a short reason. Written to the audit log; required when the hub is configured so.',
    })
    purpose?: string,
    @Args('why', { nullable: true, type: () => PurposeInput, description: WHY_DESCRIPTION })
    why?: PurposeInput,
  ): Promise<Person> {
    const personalNumber = parsePersonalNumber(input).value;
    if (principal.role === 'citizen' && !samePerson(ownPersonalNumber(principal), personalNumber)) {
      // Someone else's: only as their guardian or ombud, decided now for this request (issue 24).
      await recordPurpose(ctx, this.policy, { purpose });
      auditTrailOf(ctx).purpose = purpose?.trim() || REPRESENTATIVE_PURPOSE;
      const party = await this.parties.partyFor(personalNumber);
      return openAsRepresentative(
        ctx,
        this.policy,
        this.representations,
        personalNumber,
        party.id,
        asksForDepartmentData(info),
      );
    }
    assertMayReadPerson(principal, personalNumber);
    await recordPurpose(ctx, this.policy, { purpose, why }, this.ties);
    const party = await this.parties.partyFor(personalNumber);
    return openPerson(ctx, this.policy, personalNumber, party.id, asksForDepartmentData(info));
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
    const { items, failures } = await ctx.reads.statuses(person.view, auditTrailOf(ctx));
    reportSourceFailures(ctx, failures, info);
    return items;
  }

  @ResolveField(() => [SourceReport], {
    description:
      'How each connected department answered: fresh, stale from the cache (with asOf), failed, or withheld (no mandate there).',
  })
  async sources(@Parent() person: Person, @Context() ctx: RequestContext): Promise<SourceReport[]> {
    const reports = await ctx.reads.sources(person.view, auditTrailOf(ctx));
    return reports.map((report) => ({
      ...report,
      state: SourceState[report.state],
      reason:
        report.withheldFor === 'PROTECTED_IDENTITY'
          ? PROTECTED_MATTER_REASON
          : report.withheldFor === 'PURPOSE_MISSING'
            ? PURPOSE_MISSING_REASON
            : report.withheldFor === 'CLOSED_TO_REPRESENTATIVES'
              ? report.reason
              : report.withheldFor === 'CALLER_NOT_IDENTIFIED'
                ? (person.view.scope.withheldReasons?.[report.plugin] ?? NOT_IDENTIFIED_REASON)
                : report.state === 'WITHHELD'
                  ? (person.view.scope.withheldReasons?.[report.plugin] ?? WITHHELD_REASON)
                  : report.reason,
    }));
  }
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
