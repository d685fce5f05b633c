import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A knowledge-base article (kunskapsdatabas): how to answer, a checklist, how to route further.',
})
export class KnowledgeArticleInfo {
  @Field(() => ID) id!: string;
  @Field() categoryKey!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => [String]) checklist!: string[];
  @Field({ description: 'How to route the case further when the first line cannot answer.' })
  routing!: string;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@InputType()
export class KnowledgeArticleInput {
  @Field() categoryKey!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => [String], { defaultValue: [] }) checklist!: string[];
  @Field({ defaultValue: '' }) routing!: string;
}

@ObjectType({
  description: 'A category the first line keeps forwarding that has no article: what to write next.',
})
export class KnowledgeGapInfo {
  @Field() categoryKey!: string;
  @Field() name!: string;
  @Field(() => Int) contacts!: number;
  @Field(() => Int) forwarded!: number;
  @Field(() => Float) forwardedShare!: number;
}
