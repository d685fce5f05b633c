import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Person } from './person.type';

@ObjectType({ description: 'One read of your data: who (role, not name), from which systems, why and when.' })
export class AccessRecordInfo {
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field({ description: 'The reader’s role, e.g. agent (kundtjänst).' }) role!: string;
  @Field(() => [String], { description: 'Which systems were read, e.g. childcare-queue, cases.' })
  sources!: string[];
  @Field(() => [String], {
    description: 'Which parts: lookup, statuses, or a department field such as childcareQueue.',
  })
  fieldGroups!: string[];
  @Field(() => String, { nullable: true }) purpose!: string | null;
}

@ObjectType({ description: 'The signed-in citizen (Mina sidor).' })
export class Me {
  @Field(() => Person) person!: Person;
}
