import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'First-line resolution of a set of contacts: resolved ÷ decided.' })
export class ResolutionFigureInfo {
  @Field(() => Int) contacts!: number;
  @Field(() => Int) resolved!: number;
  @Field(() => Int, {
    description: 'Resolved at the first line or forwarded; an open case not forwarded yet is not decided.',
  })
  decided!: number;
  @Field(() => Float, { nullable: true, description: '0..1; null when nothing is decided.' })
  share!: number | null;
}

@ObjectType({
  description:
    'A month’s contacts in categories a department system answers (answeredBy), and the first-line resolution in them against the others (decision 0086).',
})
export class ContactCoverageInfo {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Int) contacts!: number;
  @Field(() => Int) answeredContacts!: number;
  @Field(() => Float, { nullable: true, description: '0..1; null without contacts.' })
  answeredShare!: number | null;
  @Field(() => ResolutionFigureInfo) answered!: ResolutionFigureInfo;
  @Field(() => ResolutionFigureInfo) others!: ResolutionFigureInfo;
}

@ObjectType()
export class AvoidableContactRowInfo {
  @Field({ description: 'The department plugin whose system answers the category.' }) answeredBy!: string;
  @Field() categoryKey!: string;
  @Field() categoryName!: string;
  @Field(() => Int) contacts!: number;
  @Field(() => Int, { description: 'Talk minutes of the calls linked to these contacts.' })
  agentMinutes!: number;
  @Field(() => Int, { description: 'Contacts with no linked call: counted, with no minutes.' })
  withoutCall!: number;
  @Field(() => Int) previousContacts!: number;
  @Field(() => Int) previousAgentMinutes!: number;
}

@ObjectType({
  description:
    'Avoidable contacts (status questions in categories a department system answers: the citizen could have read it on Mina ärenden), ranked, with the month before.',
})
export class AvoidableContactsInfo {
  @Field() month!: string;
  @Field() previousMonth!: string;
  @Field(() => [AvoidableContactRowInfo]) rows!: AvoidableContactRowInfo[];
  @Field(() => Int) totalContacts!: number;
  @Field(() => Int) totalAgentMinutes!: number;
  @Field(() => Int) previousTotalContacts!: number;
  @Field(() => Int) previousTotalAgentMinutes!: number;
}
