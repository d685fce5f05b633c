import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EmailAnswers, CaseQueries } from '@frontdoor/core';
import { HubClock } from '@frontdoor/hub';
import { AccessPolicy } from '../platform/access/access-policy';
import { Allow } from '../platform/guard/allow.decorator';
import { auditTrailOf } from '../platform/request/person-access';
import { principalOf, type RequestContext } from '../platform/request/request-context';
import { toCaseInfo } from '../platform/schema/case-mapper';
import { CaseInfo } from '../platform/schema/case.types';
import { CaseEmail, EmailDirection } from '../platform/schema/case-email.types';
import { STAFF } from '../platform/auth/role-groups';
import { mayHandleCitizen } from './case-citizen';
import { caseWriterOf } from './case-writer';

/** A case's e-mail thread, and answering the citizen by e-mail from the case (decision 0080). */
@Resolver(() => CaseInfo)
export class CaseEmailResolver {
  constructor(
    private readonly answers: EmailAnswers,
    private readonly queries: CaseQueries,
    private readonly clock: HubClock,
    private readonly policy: AccessPolicy,
  ) {}

  @Mutation(() => CaseInfo, {
    description:
      'Answers the citizen by e-mail from the case: recorded as the reply (REPLIED, as replyToCitizen, by the same rules) and sent once from the contact address, the reference in the subject, threaded on their latest mail. The case needs an e-mail address (NO_EMAIL_ADDRESS).',
  })
  @Allow(...STAFF)
  async answerCaseByEmail(
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('text') text: string,
    @Args('version', {
      type: () => Int,
      nullable: true,
      description: 'The case’s version as the client showed it; a newer one in the hub answers CONFLICT.',
    })
    version: number | undefined,
    @Context() ctx: RequestContext,
  ): Promise<CaseInfo> {
    const answered = await this.answers.answer(
      caseId,
      text,
      caseWriterOf(principalOf(ctx), this.policy),
      version ?? undefined,
    );
    if (answered.partyId) auditTrailOf(ctx).record(answered.partyId, ['cases']);
    return toCaseInfo(answered, await this.queries.directory(), this.clock.now());
  }

  @ResolveField(() => [CaseEmail], {
    description:
      'The case’s e-mail, in and out, oldest first: for those who handle the citizen (the first line, its answer group, admins); empty for anyone else. Audited.',
  })
  async emails(@Parent() info: CaseInfo, @Context() ctx: RequestContext): Promise<CaseEmail[]> {
    const principal = principalOf(ctx);
    if (principal.role === 'citizen' || !mayHandleCitizen(principal, this.policy, info)) return [];
    const thread = await this.answers.thread(info.id);
    if (thread.length && info.partyId) auditTrailOf(ctx).record(info.partyId, ['cases'], ['emails']);
    return thread.map((mail) => ({
      id: mail.id,
      direction: mail.direction as EmailDirection,
      disposition: mail.disposition,
      notAnsweredBecause: mail.notAnsweredBecause,
      from: mail.fromAddress,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      at: mail.at,
      attachments: mail.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        refusedBecause: a.refusedBecause,
      })),
    }));
  }
}
