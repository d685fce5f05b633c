import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseQueries, CitizenMessageRecord, ServiceCase, badUserInput, forbidden } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { DataSource, In, IsNull } from 'typeorm';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import { principalOf, type RequestContext } from '../platform/request/request-context';
import { CaseInfo } from '../platform/schema/case.types';
import { caseViewerOf } from './case-viewer';
import { CASE_EDITORS, STAFF } from '../platform/auth/role-groups';
import {
  CitizenMessageInfo,
  LetterNeeded,
  MessageChannelKind,
  MessageDeliveryStatus,
} from './citizen-message.types';

const LETTERS_MAX = 500;

/**
 * The citizen's notices on the case (delivery status per message) and the letters staff must
 * send when no channel reached the citizen (decision 0083). Staff only: a citizen's own view
 * of the case has no delivery details.
 */
@Resolver(() => CaseInfo)
export class CitizenMessagesResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: CaseQueries,
    private readonly policy: AccessPolicy,
    private readonly clock: HubClock,
  ) {}

  @ResolveField(() => [CitizenMessageInfo], {
    nullable: true,
    description:
      'The notices the citizen was sent about this case, oldest first, and how each was delivered; null for a citizen.',
  })
  async citizenMessages(
    @Parent() info: CaseInfo,
    @Context() ctx: RequestContext,
  ): Promise<CitizenMessageInfo[] | null> {
    if (principalOf(ctx).role === 'citizen') return null;
    const records = await this.dataSource
      .getRepository(CitizenMessageRecord)
      .find({ where: { caseId: info.id }, order: { createdAt: 'ASC' } });
    return records.map(toInfo);
  }

  @Query(() => [LetterNeeded], {
    description:
      'Notices no channel delivered (no e-mail, text or digital mailbox reached the citizen), oldest first: send them as letters. Only cases you may see.',
  })
  @Allow(...STAFF)
  async lettersNeeded(@Context() ctx: RequestContext): Promise<LetterNeeded[]> {
    const records = await this.dataSource.getRepository(CitizenMessageRecord).find({
      where: { letterNeeded: true, letterSentAt: IsNull() },
      order: { createdAt: 'ASC' },
      take: LETTERS_MAX,
    });
    const cases = await this.dataSource
      .getRepository(ServiceCase)
      .findBy({ id: In([...new Set(records.map((r) => r.caseId))]) });
    const viewer = caseViewerOf(ctx, this.policy);
    const visible = new Map<string, ServiceCase>();
    for (const serviceCase of cases)
      if (await this.queries.mayView(serviceCase, viewer)) visible.set(serviceCase.id, serviceCase);
    return records
      .filter((record) => visible.has(record.caseId))
      .map((record) => ({
        caseId: record.caseId,
        reference: visible.get(record.caseId)!.reference,
        message: toInfo(record),
      }));
  }

  @Mutation(() => CitizenMessageInfo, {
    description: 'Records that the letter for a notice no channel delivered has been sent.',
  })
  @Allow(...CASE_EDITORS)
  async markLetterSent(
    @Args('key', { type: () => ID }) key: string,
    @Context() ctx: RequestContext,
  ): Promise<CitizenMessageInfo> {
    const repository = this.dataSource.getRepository(CitizenMessageRecord);
    const record = await repository.findOneBy({ key });
    if (!record?.letterNeeded) throw badUserInput(`key: no letter is needed for "${key}".`, 'key');
    const serviceCase = await this.dataSource
      .getRepository(ServiceCase)
      .findOneByOrFail({ id: record.caseId });
    if (!(await this.queries.mayView(serviceCase, caseViewerOf(ctx, this.policy))))
      throw forbidden('This is a confidential case (sekretessärende) of another answer group.');
    if (!record.letterSentAt) {
      const at = this.clock.now();
      await repository.update({ key, letterSentAt: IsNull() }, { letterSentAt: at, updatedAt: at });
    }
    return toInfo(await repository.findOneByOrFail({ key }));
  }
}

function toInfo(record: CitizenMessageRecord): CitizenMessageInfo {
  return {
    key: record.key,
    notice: record.notice,
    channel: record.channel ? (record.channel.toUpperCase() as MessageChannelKind) : null,
    status: record.status as MessageDeliveryStatus,
    fallbackUsed: record.fallbackUsed,
    letterNeeded: record.letterNeeded,
    letterSentAt: record.letterSentAt,
    attempts: record.attempts,
    lastError: record.lastError,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
