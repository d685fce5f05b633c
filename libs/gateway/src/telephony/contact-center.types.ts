import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { AnswerGroupLoad } from '../platform/schema/statistics.types';
import { QueueCallFiguresInfo } from './call-statistics.types';

@ObjectType({ description: 'The contact center right now (the managers’ wall screen).' })
export class ContactCenterNowInfo {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => Int, { description: 'Today’s calls still in a queue.' }) callsWaiting!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the caller waiting longest was offered (count the seconds from it).',
  })
  oldestWaitingSince!: Date | null;
  @Field(() => Int) longestWaitSeconds!: number;
  @Field(() => Int, { description: 'Agents talking to a caller now.' }) agentsOnCall!: number;
  @Field(() => [QueueCallFiguresInfo], { description: 'Per queue, today so far.' })
  today!: QueueCallFiguresInfo[];
  @Field(() => [AnswerGroupLoad], { description: 'Open and overdue forwarded cases per answer group.' })
  overdueByAnswerGroup!: AnswerGroupLoad[];
  @Field(() => Int, { description: 'Callbacks due now and waiting for an agent.' }) callbacksWaiting!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the callback waiting longest became due (count the seconds from it).',
  })
  oldestCallbackWaitingSince!: Date | null;
  @Field(() => Int) longestCallbackWaitSeconds!: number;
  @Field(() => Int, { description: 'Callbacks asked for at a later time, not yet due.' })
  callbacksScheduled!: number;
}
