import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GoalFigureInfo } from '../platform/schema/statistics.types';

export enum CallPeriodSplitInput {
  PERIOD = 'PERIOD',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(CallPeriodSplitInput, {
  name: 'CallPeriodSplit',
  description:
    'The whole period, or per day, ISO week or month (Europe/Stockholm, by when the call was offered).',
});

@ObjectType({ description: 'A telephony queue’s service goals in one period (servicemål 1–3, talk time).' })
export class QueueCallFiguresInfo {
  @Field() queueKey!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD, YYYY-Www or YYYY-MM; `from–to` for the whole period.' }) period!: string;
  @Field(() => Int, { description: 'Answered plus abandoned; short abandons are not counted.' })
  offered!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Int, { description: 'Hung up in the queue after the short-abandon seconds.' })
  abandoned!: number;
  @Field(() => Int, { description: 'Hung up within telephony.shortAbandonSeconds: counted nowhere else.' })
  shortAbandoned!: number;
  @Field(() => Int, { description: 'Still in the queue.' }) waiting!: number;
  @Field(() => Int) answerWithinSeconds!: number;
  @Field(() => GoalFigureInfo, {
    description: 'Offered calls answered within the queue’s seconds (target 90 %).',
  })
  answeredWithin!: GoalFigureInfo;
  @Field(() => GoalFigureInfo, {
    description: 'Offered calls abandoned; `target` is the ceiling (10 %) and meetsTarget means at most it.',
  })
  abandonedShare!: GoalFigureInfo;
  @Field(() => Float, { nullable: true, description: 'Of answered calls that ended; null when none.' })
  averageTalkSeconds!: number | null;
  @Field(() => Int) talkTimeTargetSeconds!: number;
  @Field(() => Boolean, { nullable: true }) talkTimeMeetsTarget!: boolean | null;
}
