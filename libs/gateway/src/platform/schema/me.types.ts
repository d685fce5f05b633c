import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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

export enum AccessReaderKind {
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
  REPRESENTATIVE = 'REPRESENTATIVE',
  OTHER = 'OTHER',
}
registerEnumType(AccessReaderKind, {
  name: 'AccessReaderKind',
  description:
    'Who read, by kind: staff (handläggare, kundtjänst), a system, a representative (ombud), other.',
});

@ObjectType({
  description:
    'The reads of your data on one day (Europe/Stockholm) by one kind of reader, in plain Swedish; your own reads are left out.',
})
export class AccessLogGroupInfo {
  @Field({ description: 'The calendar day in Sweden, YYYY-MM-DD.' }) day!: string;
  @Field(() => AccessReaderKind) readerKind!: AccessReaderKind;
  @Field({ description: 'The kind of reader in plain Swedish, e.g. "Handläggare och kundtjänst".' })
  reader!: string;
  @Field(() => [String], {
    description: 'What was read, in plain Swedish: a department’s name, "dina kontaktuppgifter", …',
  })
  things!: string[];
  @Field(() => Int, { description: 'How many times.' }) reads!: number;
  @Field(() => [String], { description: 'Why, in plain Swedish, e.g. "ditt ärende FD-2026-…".' })
  purposes!: string[];
}

@ObjectType()
export class AccessLogPageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: 'A page of your access history, newest day first.' })
export class AccessLogConnection {
  @Field(() => [AccessLogGroupInfo]) groups!: AccessLogGroupInfo[];
  @Field(() => AccessLogPageInfo) pageInfo!: AccessLogPageInfo;
}

@ObjectType({ description: 'The signed-in citizen (Mina sidor).' })
export class Me {
  @Field(() => Person) person!: Person;
}
