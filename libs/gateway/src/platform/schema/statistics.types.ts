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

@ObjectType({ description: 'A share without a target of its own (KKiK’s measures), of decided cases only.' })
export class ShareFigureInfo {
  @Field(() => Float, { description: '0..1' }) share!: number;
  @Field(() => Int, { description: 'How many cases the share is of: only those whose outcome is decided.' })
  basis!: number;
  @Field(() => Int, { description: 'Cases not decided yet (pågående), in neither part of the share.' })
  pending!: number;
}

@ObjectType({
  description:
    'Servicemål 4 for one written channel (EMAIL, E_SERVICE): questions answered within the goal’s working days of arriving, and within one (KKiK). Only decided questions count: an open one not yet past the days is pending.',
})
export class WrittenChannelAnswers {
  @Field() channel!: string;
  @Field(() => Int, { description: 'The goal’s working days (2).' }) withinWorkingDays!: number;
  @Field(() => GoalFigureInfo) answeredInTime!: GoalFigureInfo;
  @Field(() => ShareFigureInfo) answeredWithinOneDay!: ShareFigureInfo;
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
  @Field(() => [WrittenChannelAnswers], {
    description: 'Servicemål 4 per written channel: e-mail and e-service questions answered in time.',
  })
  writtenAnswers!: WrittenChannelAnswers[];
}
