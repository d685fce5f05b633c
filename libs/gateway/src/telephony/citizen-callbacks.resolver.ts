import { Inject, Logger } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CallbackQueue,
  CallbackRefused,
  CallbackStatus,
  ErrorCode,
  FrontdoorError,
  PartyService,
  parsePersonalNumber,
  stockholmClock,
  swedishNumber,
  type CallbackRequest,
  type TelephonySettings,
} from '@frontdoor/core';
import { Allow } from '../platform/guard/allow.decorator';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import type { Principal } from '../platform/auth/principal';
import type { RequestContext } from '../platform/request/request-context';
import { TELEPHONY_SETTINGS } from '../platform/config/telephony-settings';
import { Me } from '../platform/schema/me.types';
import { CallbackNotices } from './callback-notices';
import { CitizenCallbackInfo, RequestCallbackInput } from './callback.types';

const logger = new Logger('Callbacks');

/** A refusal the citizen reads (Swedish), with the field and a reason code for the page. */
const refused = (field: string, reason: string, text: string, requestId: string) => {
  logger.warn({ requestId, code: 'BAD_USER_INPUT', field, reason }, 'citizen callback request refused');
  return new FrontdoorError(ErrorCode.BAD_USER_INPUT, text, { field, reason });
};

/**
 * Callbacks on Mina ärenden: the signed-in citizen asks to be rung (their number, a time or as
 * soon as possible) in `telephony.callbacks.citizenQueue`, within its opening hours. One open
 * callback at a time and `citizenPerDay` a day, counted in the database so every gateway
 * holds the limit.
 */
@Resolver(() => Me)
export class CitizenCallbacksResolver {
  constructor(
    private readonly queue: CallbackQueue,
    private readonly parties: PartyService,
    private readonly notices: CallbackNotices,
    @Inject(TELEPHONY_SETTINGS) private readonly settings: TelephonySettings,
  ) {}

  @Mutation(() => CitizenCallbackInfo, {
    description:
      'Asks the contact center to ring you back (Mina ärenden): at `callAt`, or as soon as possible.',
  })
  @Allow('citizen')
  async requestCallback(
    @Args('input') input: RequestCallbackInput,
    @Context() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CitizenCallbackInfo> {
    const number = swedishNumber(input.number);
    if (!number)
      throw refused(
        'input.number',
        'BAD_NUMBER',
        'Ange ett svenskt telefonnummer, till exempel 070-123 45 67.',
        ctx.requestId,
      );
    const personalNumber = parsePersonalNumber(principal.personalNumber ?? principal.subject, 'sub').value;
    const party = await this.parties.partyFor(personalNumber);
    if ((await this.queue.openOf(party.id)).length)
      throw refused(
        'input',
        'CALLBACK_OPEN',
        'Du har redan bett om att bli uppringd. Vi ringer dig så snart vi kan.',
        ctx.requestId,
      );
    if ((await this.queue.citizenRequestsToday(party.id)) >= this.settings.callbacks.citizenPerDay)
      throw refused(
        'input',
        'CALLBACK_LIMIT',
        `Du kan be om att bli uppringd högst ${this.settings.callbacks.citizenPerDay} gånger per dag. Försök igen i morgon.`,
        ctx.requestId,
      );
    try {
      const { callback } = await this.queue.request({
        source: 'CITIZEN',
        externalId: null,
        number,
        queue: this.settings.callbacks.citizenQueue,
        callAt: input.callAt ?? null,
        partyId: party.id,
      });
      await this.notices.changed();
      return citizenCallbackInfo(callback);
    } catch (error) {
      if (!(error instanceof CallbackRefused)) throw error;
      throw refused(`input.${error.problem.field}`, error.problem.reason, error.problem.text, ctx.requestId);
    }
  }

  @ResolveField(() => [CitizenCallbackInfo], {
    description: 'The callbacks you asked for that are still open.',
  })
  async callbacks(@Parent() me: Me): Promise<CitizenCallbackInfo[]> {
    return (await this.queue.openOf(me.person.partyId)).map(citizenCallbackInfo);
  }
}

function citizenCallbackInfo(c: CallbackRequest): CitizenCallbackInfo {
  const { date, time } = stockholmClock(c.dueAt);
  return {
    id: c.id,
    number: c.number,
    requestedTime: c.asap ? null : c.wantedAt,
    expiresAt: c.expiresAt,
    statusText:
      c.status === CallbackStatus.TAKEN
        ? 'Vi ringer dig nu.'
        : c.asap && c.attempts === 0
          ? 'Vi ringer dig så snart vi kan.'
          : `Vi ringer dig ${date} kl. ${time}.`,
  };
}
