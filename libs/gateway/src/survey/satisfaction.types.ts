import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The citizens’ verdict on a group of contacts (SKR’s service survey).' })
export class SatisfactionFigureInfo {
  @Field(() => Int, { description: 'Answers in the period.' }) answers!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'SKR’s index 0-100: (mean score − 1) / 4 × 100. Null with no answers.',
  })
  index!: number | null;
}

@ObjectType()
export class SatisfactionByChannel extends SatisfactionFigureInfo {
  @Field({ description: 'PHONE, EMAIL, E_SERVICE, VISIT, LETTER: how the contact came in.' })
  channel!: string;
}

@ObjectType()
export class SatisfactionByCategory extends SatisfactionFigureInfo {
  @Field() categoryKey!: string;
  @Field() categoryName!: string;
}

@ObjectType()
export class SatisfactionByAnswerGroup extends SatisfactionFigureInfo {
  @Field(() => String, { nullable: true, description: 'Null: resolved at the first line.' })
  answerGroupKey!: string | null;
  @Field(() => String, { nullable: true }) answerGroupName!: string | null;
}

@ObjectType({
  description: 'Answers to the one question after a contact, counted by the day they were given.',
})
export class SatisfactionInfo {
  @Field(() => SatisfactionFigureInfo) total!: SatisfactionFigureInfo;
  @Field(() => [SatisfactionByChannel]) byChannel!: SatisfactionByChannel[];
  @Field(() => [SatisfactionByCategory]) byCategory!: SatisfactionByCategory[];
  @Field(() => [SatisfactionByAnswerGroup]) byAnswerGroup!: SatisfactionByAnswerGroup[];
}
