import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A driftmeddelande: what is wrong or changed right now, to read aloud and to show citizens.',
})
export class OperatingNoticeInfo {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'The text, in Swedish, as an agent reads it aloud.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'The category it concerns (its key), or null.' })
  categoryKey!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The area it concerns, or null for the whole municipality.',
  })
  area!: string | null;
  @Field(() => GraphQLISODateTime) validFrom!: Date;
  @Field(() => GraphQLISODateTime) validTo!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Contacts registered in its category while it held (staff only): the notice’s effect. Null for a notice without a category.',
  })
  contactsDuring?: number | null;
}

@InputType()
export class OperatingNoticeInput {
  @Field({ description: 'At most 120 characters.' }) title!: string;
  @Field({ description: 'At most 2 000 characters: what an agent reads aloud and a citizen reads.' })
  text!: string;
  @Field(() => String, { nullable: true, description: 'A category key (cases.categories).' })
  categoryKey?: string | null;
  @Field(() => String, { nullable: true, description: 'An area from the configured list (notices.areas).' })
  area?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now.' }) validFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'At most 180 days on.' }) validTo!: Date;
}

@ObjectType({ description: 'A category’s contacts today against the same weekday’s usual level.' })
export class CategorySpikeInfo {
  @Field() categoryKey!: string;
  @Field() categoryName!: string;
  @Field(() => Int, { description: 'Contacts registered today so far.' }) today!: number;
  @Field({ description: 'The usual number by this hour, from the last weeks’ same weekdays.' })
  usualByNow!: number;
  @Field() spiking!: boolean;
  @Field(() => [String], {
    description: 'The most frequent words of today’s summaries (none for a confidential category).',
  })
  topWords!: string[];
}
