import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CallbackRequest, QueueCallbackFigures, TelephonySettings } from '@frontdoor/core';
import { GoalFigureInfo } from '../platform/schema/statistics.types';

export enum CallbackOutcomeInput {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  RETRY = 'RETRY',
}
registerEnumType(CallbackOutcomeInput, {
  name: 'CallbackOutcome',
  description: 'REACHED closes the callback; NO_ANSWER and RETRY (at `retryAt`) put it back in the queue.',
});

@ObjectType('Callback', { description: 'A callback the caller asked for instead of waiting in the queue.' })
export class CallbackInfo {
  @Field(() => ID) id!: string;
  @Field({ description: 'The number to ring, E.164.' }) number!: string;
  @Field() queueKey!: string;
  @Field() queueName!: string;
  @Field({ description: 'PLATFORM (the telephony platform) or CITIZEN (Mina ärenden).' }) source!: string;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'The time the caller asked for; null: as soon as possible.',
  })
  requestedTime!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When it is next due (a retry moves it).' }) dueAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'WAITING, TAKEN, REACHED, UNREACHED or EXPIRED.' }) status!: string;
  @Field(() => Int, { description: 'Attempts recorded so far.' }) attempts!: number;
}

export function callbackInfo(c: CallbackRequest, settings: TelephonySettings): CallbackInfo {
  return {
    id: c.id,
    number: c.number,
    queueKey: c.queue,
    queueName: settings.queues[c.queue]?.name ?? c.queue,
    source: c.source,
    requestedAt: c.requestedAt,
    requestedTime: c.asap ? null : c.wantedAt,
    dueAt: c.dueAt,
    expiresAt: c.expiresAt,
    status: c.status,
    attempts: c.attempts,
  };
}

@ObjectType({ description: 'The callback queue now.' })
export class CallbackQueueInfo {
  @Field(() => Int, { description: 'Due now and waiting for an agent.' }) waiting!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the one waiting longest became due.',
  })
  oldestWaitingSince!: Date | null;
  @Field(() => Int, { description: 'Asked for at a later time, not yet due.' }) scheduled!: number;
}

@InputType()
export class RequestCallbackInput {
  @Field({ description: 'Your Swedish phone number.' }) number!: string;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When you want us to call; null or absent: as soon as possible (only while we are open).',
  })
  callAt?: Date | null;
}

@ObjectType({ description: 'A callback you asked for on Mina ärenden.' })
export class CitizenCallbackInfo {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) requestedTime!: Date | null;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'Where it stands, in Swedish.' }) statusText!: string;
}

@ObjectType({
  description: 'A queue’s callbacks requested in the period and the call goal “called back in time”.',
})
export class QueueCallbackFiguresInfo implements Omit<QueueCallbackFigures, 'calledBackWithin'> {
  @Field() queueKey!: string;
  @Field() name!: string;
  @Field() period!: string;
  @Field(() => Int) requested!: number;
  @Field(() => Int) reached!: number;
  @Field(() => Int, { description: 'Closed after telephony.callbacks.maxAttempts failed attempts.' })
  unreached!: number;
  @Field(() => Int, { description: 'Left the queue unreached after telephony.callbacks.validHours.' })
  expired!: number;
  @Field(() => Int, { description: 'Waiting or taken now.' }) open!: number;
  @Field(() => Int) callBackWithinMinutes!: number;
  @Field(() => GoalFigureInfo, {
    description:
      'Decided callbacks first attempted within callBackWithinMinutes of the time asked for; `pending`: open ones still inside it, in neither.',
  })
  calledBackWithin!: GoalFigureInfo;
  @Field(() => Int, {
    nullable: true,
    description: 'Time asked for → first attempt, seconds, of the attempted.',
  })
  averageFirstAttemptSeconds!: number | null;
  @Field(() => Int, { nullable: true, description: 'Time asked for → reached, seconds, of the reached.' })
  averageReachedSeconds!: number | null;
}
