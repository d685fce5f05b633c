import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CitizenNotificationPreference,
  PartyService,
  badUserInput,
  deadlineText,
  dueDateOf,
  mobileNumber,
  parseCallbackContact,
  parsePersonalNumber,
} from '@frontdoor/core';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Allow } from '../platform/guard/allow.decorator';
import type { Principal } from '../platform/auth/principal';
import type { RequestContext } from '../platform/request/request-context';
import { Me } from '../platform/schema/me.types';
import { EServiceIntake } from './e-service-intake';
import {
  AskQuestionInput,
  NotificationChannel,
  NotificationPreference,
  QuestionCategory,
  QuestionReceipt,
} from './e-service.types';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import { PEOPLE } from '../platform/auth/role-groups';

const QUESTION_MAX = 4000;
const email = z.email();

const ownNumber = (principal: Principal) =>
  parsePersonalNumber(principal.personalNumber ?? principal.subject, 'sub').value;

/**
 * Asking a question on the web (Mina ärenden): the citizen picks a public category, writes
 * the question and how to be reached; it becomes an E_SERVICE case with the category's answer
 * group (EServiceIntake), and the receipt carries the reference. And the citizen's own choice
 * of notifications (CitizenNotifications reads it).
 */
@Resolver(() => Me)
export class AskQuestionResolver {
  constructor(
    private readonly intake: EServiceIntake,
    private readonly parties: PartyService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [QuestionCategory], {
    description: 'The categories a citizen can ask a question in on the web.',
  })
  @Allow(...PEOPLE)
  questionCategories(): QuestionCategory[] {
    return this.intake.publicCategories().map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description ?? null,
      answerGroupName: this.intake.answerGroupName(c.answerGroup),
      slaWorkingDays: c.slaWorkingDays,
    }));
  }

  @Mutation(() => QuestionReceipt, {
    description:
      'Asks a question on the web: an E_SERVICE case for the signed-in citizen, sent to the category’s answer group.',
  })
  @Allow('citizen')
  async askQuestion(
    @Args('input') input: AskQuestionInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuestionReceipt> {
    const category = this.intake.publicCategory(input.categoryKey);
    if (!category)
      throw badUserInput(
        `categoryKey: "${input.categoryKey}" is not a category you can ask in here (see questionCategories).`,
        'input.categoryKey',
      );
    const question = input.question.trim();
    if (!question) throw badUserInput('question: write your question.', 'input.question');
    if (question.length > QUESTION_MAX)
      throw badUserInput(`question: at most ${QUESTION_MAX} characters.`, 'input.question');
    const contact = parseCallbackContact(input.contact, 'input.contact');
    if (!contact)
      throw badUserInput('contact: give an e-mail or a phone number so we can answer.', 'input.contact');
    const created = await this.intake.submit(
      category,
      { categoryKey: category.key, personalNumber: ownNumber(principal), summary: question, contact },
      { subject: principal.subject, name: principal.name },
      'Mina ärenden',
    );
    return {
      reference: created.reference,
      caseId: created.id,
      categoryName: category.name,
      answerGroupName: this.intake.answerGroupName(category.answerGroup),
      receivedAt: created.createdAt,
      answerByText: deadlineText(dueDateOf(created.dueAt!)),
    };
  }

  @ResolveField(() => NotificationPreference, {
    description: 'How you hear that a case was answered, waits for you, or was closed.',
  })
  async notificationPreference(@Parent() me: Me): Promise<NotificationPreference> {
    const saved = await this.dataSource
      .getRepository(CitizenNotificationPreference)
      .findOneBy({ partyId: me.person.partyId });
    return {
      channel: (saved?.channel as NotificationChannel | undefined) ?? NotificationChannel.EMAIL,
      email: saved?.email ?? null,
      phone: saved?.phone ?? null,
    };
  }

  @Mutation(() => NotificationPreference, {
    description:
      'Chooses how you hear of your cases: EMAIL (to `email`, or the address on each case), SMS (to the mobile `phone`, or the number on each case), MAILBOX (your digital mailbox, Kivra or Min myndighetspost) or NONE. If the chosen way fails, the digital mailbox, then e-mail, then a letter.',
  })
  @Allow('citizen')
  async setNotificationPreference(
    @Args('channel', { type: () => NotificationChannel }) channel: NotificationChannel,
    @Args('email', { type: () => String, nullable: true }) emailText: string | null | undefined,
    @Args('phone', { type: () => String, nullable: true }) phoneText: string | null | undefined,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<NotificationPreference> {
    const address = emailText?.trim().toLowerCase() || null;
    if (address && !email.safeParse(address).success)
      throw badUserInput(`email: "${address}" is not an e-mail address.`, 'email');
    const phoneGiven = phoneText?.trim() || null;
    const phone = phoneGiven ? mobileNumber(phoneGiven) : null;
    if (phoneGiven && !phone)
      throw badUserInput(
        `phone: "${phoneGiven.slice(0, 30)}" is not a mobile number that can get texts (e.g. 070-123 45 67).`,
        'phone',
      );
    if (channel === NotificationChannel.NONE && (address || phone))
      throw badUserInput('email, phone: give none when you choose no notifications (NONE).', 'email');
    const party = await this.parties.partyFor(ownNumber(principal));
    await this.dataSource
      .getRepository(CitizenNotificationPreference)
      .save({ partyId: party.id, channel, email: address, phone });
    return { channel, email: address, phone };
  }
}
