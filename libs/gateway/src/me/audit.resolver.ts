import { Args, Context, Field, GraphQLISODateTime, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuditService, PartyService, parsePersonalNumber } from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { auditTrailOf } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import { ADMINS } from '../platform/auth/role-groups';

@ObjectType({ description: 'One read of a person’s data, as the audit log keeps it (append-only).' })
export class AuditRecordInfo {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field() actorSubject!: string;
  @Field() actorRole!: string;
  @Field(() => [String]) sources!: string[];
  @Field(() => [String], {
    description:
      'Which parts were read: lookup, statuses, sources, or a department field such as childcareQueue.',
  })
  fieldGroups!: string[];
  @Field(() => String, { nullable: true }) purpose!: string | null;
  @Field() requestId!: string;
}

@Resolver(() => AuditRecordInfo)
export class AuditResolver {
  constructor(
    private readonly parties: PartyService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => [AuditRecordInfo], {
    description: 'Who read this person’s data, newest first (admins). Reading it is itself audited.',
  })
  @Allow(...ADMINS)
  async auditRecords(
    @Args('personalNumber') input: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Context() ctx: RequestContext,
  ): Promise<AuditRecordInfo[]> {
    const party = await this.parties.partyFor(parsePersonalNumber(input).value);
    const records = await this.audit.forParty(party.id, Math.min(Math.max(first, 1), 1000));
    auditTrailOf(ctx).record(party.id, ['audit']);
    return records.map((r) => ({
      at: r.occurredAt,
      actorSubject: r.actorSubject,
      actorRole: r.actorRole,
      sources: r.plugins,
      fieldGroups: r.fieldGroups,
      purpose: r.purpose,
      requestId: r.requestId,
    }));
  }
}
