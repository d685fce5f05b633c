import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AccessLog,
  AuditService,
  InvalidAccessLogCursorError,
  PartyService,
  PersonReader,
  badUserInput,
  decodeAccessLogCursor,
  encodeAccessLogCursor,
  parsePersonalNumber,
} from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { AccessPolicy } from '../platform/access/access-policy';
import { openPerson, recordPurpose } from '../platform/request/person-access';
import type { RequestContext } from '../platform/request/request-context';
import { AccessLogConnection, AccessReaderKind, AccessRecordInfo, Me } from '../platform/schema/me.types';
import { AccessLogTexts, READER_TEXT, purposeText, representativeText } from './access-log-texts';
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
    private readonly accessLogs: AccessLog,
    reader: PersonReader,
  ) {
    this.texts = new AccessLogTexts(reader.plugins);
  }

  private readonly texts: AccessLogTexts;

  @Query(() => Me, { description: 'The signed-in citizen: their matters, cases and access history.' })
  @Allow('citizen')
  async me(@Context() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<Me> {
    // The e-ID claim as the token verifier read it; tokens without it named the person in sub.
    const personalNumber = parsePersonalNumber(principal.personalNumber ?? principal.subject, 'sub').value;
    const party = await this.parties.partyFor(personalNumber);
    await recordPurpose(ctx, this.policy, {});
    // No prefetch: `me { accessHistory }` alone must not make the hub ask any department.
    return { person: await openPerson(ctx, this.policy, personalNumber, party.id, false) };
  }

  @ResolveField(() => [AccessRecordInfo], {
    description: 'Who has read your data, newest first (staff by role; your own reads included).',
    deprecationReason: 'Internal names, unpaged, your own reads included: use accessLog.',
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

  @ResolveField(() => AccessLogConnection, {
    description:
      'Who has read your data, by day and kind of reader, newest first, in plain Swedish; your own reads left out. Paged: `first` (1–50) groups after the cursor `after`.',
  })
  async accessLog(
    @Parent() me: Me,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | undefined,
  ): Promise<AccessLogConnection> {
    if (!Number.isInteger(first) || first < 1 || first > AccessLog.MAX_PAGE)
      throw badUserInput(`first: between 1 and ${AccessLog.MAX_PAGE}.`, 'first');
    let position = null;
    if (after) {
      try {
        position = decodeAccessLogCursor(after);
      } catch (error) {
        if (error instanceof InvalidAccessLogCursorError)
          throw badUserInput('after: not a cursor from this access log.', 'after');
        throw error;
      }
    }
    const page = await this.accessLogs.page(me.person.partyId, first, position);
    const references = await this.accessLogs.ownCaseReferences(me.person.partyId, [
      ...new Set(page.groups.flatMap((g) => g.purposes)),
    ]);
    const last = page.groups.at(-1);
    return {
      groups: page.groups.map((g) => ({
        day: g.day,
        readerKind: AccessReaderKind[g.kind],
        reader: !g.representatives.length
          ? READER_TEXT[g.kind]
          : g.kind === 'STAFF'
            ? // Staff who answered a guardian or an ombud on the call (decision 0089): both are named.
              `${READER_TEXT.STAFF}, i samtal med ${g.representatives.map((r) => representativeText(r.name, r.basis)).join(', ')}`
            : g.representatives.map((r) => representativeText(r.name, r.basis)).join(', '),
        things: this.texts.thingsRead(g),
        reads: g.reads,
        purposes: [...new Set(g.purposes.map((p) => purposeText(p, references)))],
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: last ? encodeAccessLogCursor(last) : null,
      },
    };
  }
}
