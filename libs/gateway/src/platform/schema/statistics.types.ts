import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A service-goal figure and whether it meets its target.' })
export class GoalFigureInfo {
  @Field(() => Float, { description: '0..1' }) share!: number;
  @Field(() => Float, { description: 'The target share from configuration.' }) target!: number;
  @Field() meetsTarget!: boolean;
  @Field(() => Int, { description: 'How many cases the share is of: only those whose outcome is decided.' })
  basis!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Cases the goal counts once decided, left out of the share until then (pågående): for answeredInTime, forwarded cases not yet answered and not yet past the goal’s days, and those waiting for the citizen. Null for a goal whose cases are all decided (the call goals).',
  })
  pending?: number | null;
}

@ObjectType()
export class ChannelCount {
  @Field() channel!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class CategoryShare {
  @Field() categoryKey!: string;
  @Field() name!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float) share!: number;
}

@ObjectType()
export class AnswerGroupLoad {
  @Field() answerGroupKey!: string;
  @Field() name!: string;
  @Field(() => Int) open!: number;
  @Field(() => Int) overdue!: number;
}

@ObjectType({ description: 'The service goals (Luleå/Skellefteå) for contacts registered in a period.' })
export class ServiceStatisticsInfo {
  @Field(() => CalendarDate) from!: string;
  @Field(() => CalendarDate) to!: string;
  @Field(() => Int) contacts!: number;
  @Field(() => [ChannelCount]) byChannel!: ChannelCount[];
  @Field(() => [CategoryShare], { description: 'Categories by share of all contacts, largest first.' })
  categoryRanking!: CategoryShare[];
  @Field(() => GoalFigureInfo, { description: 'Contacts resolved at the first line (target 70 %).' })
  resolvedAtFirstLine!: GoalFigureInfo;
  @Field(() => GoalFigureInfo, {
    description: 'Forwarded cases answered within the configured working days (2).',
  })
  answeredInTime!: GoalFigureInfo;
  @Field(() => [AnswerGroupLoad], { description: 'Open and overdue forwarded cases per answer group, now.' })
  byAnswerGroup!: AnswerGroupLoad[];
}
