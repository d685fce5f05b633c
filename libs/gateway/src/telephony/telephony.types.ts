import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CallOnScreen } from './call-notifier';

@ObjectType({ description: 'A call as the answering agent’s console shows it (from the contact log).' })
export class CallOnScreenInfo {
  @Field(() => ID) callId!: string;
  @Field() queueKey!: string;
  @Field() queueName!: string;
  @Field(() => String, { nullable: true, description: 'The caller’s number in E.164; null when withheld.' })
  from!: string | null;
  @Field(() => String, { nullable: true, description: 'The caller’s number as Swedes write it.' })
  fromText!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The personal number the caller keyed in the IVR, when valid: open the person with it (audited with the call id as purpose).',
  })
  ivrPersonalNumber!: string | null;
  @Field(() => String, { nullable: true }) agentId!: string | null;
  @Field({ description: 'WAITING, IN_CALL, ANSWERED, TRANSFERRED or ABANDONED.' }) outcome!: string;
  @Field(() => GraphQLISODateTime) offeredAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the call ended (ENDED, TRANSFERRED or ABANDONED); null while it lasts.',
  })
  endedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'How long the caller waited in the queue, in seconds.' })
  waitedSeconds!: number | null;
}

/**
 * The call as GraphQL answers it. The notice carries its instants as ISO text (it crosses
 * Redis as JSON), and the DateTime scalar serialises only a Date: text would come out null.
 */
export function callInfo(call: CallOnScreen): CallOnScreenInfo {
  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  return {
    ...call,
    offeredAt: new Date(call.offeredAt),
    answeredAt: at(call.answeredAt),
    endedAt: at(call.endedAt),
  };
}
