import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MessageDeliveryStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(MessageDeliveryStatus, {
  name: 'MessageDeliveryStatus',
  description:
    'QUEUED: waiting or being retried; SENT: the provider took it; DELIVERED: it reached the citizen (the digital mailbox holds it); FAILED: no channel reached the citizen.',
});

export enum MessageChannelKind {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  MAILBOX = 'MAILBOX',
}
registerEnumType(MessageChannelKind, {
  name: 'MessageChannelKind',
  description: 'E-mail, a text (SMS), or the digital mailbox (Kivra, Min myndighetspost).',
});

@ObjectType({
  description:
    'A notice the hub owed the citizen of a case, and how its delivery went (never its text or address).',
})
export class CitizenMessageInfo {
  @Field(() => ID) key!: string;
  @Field({ description: 'ANSWERED, WAITING or CLOSED.' }) notice!: string;
  @Field(() => MessageChannelKind, {
    nullable: true,
    description: 'The channel it went, or is tried, by; null when there was none.',
  })
  channel!: MessageChannelKind | null;
  @Field(() => MessageDeliveryStatus) status!: MessageDeliveryStatus;
  @Field({ description: 'Another channel than the first was used (the first failed or refused).' })
  fallbackUsed!: boolean;
  @Field({ description: 'No channel reached the citizen: a letter is to be sent.' }) letterNeeded!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) letterSentAt!: Date | null;
  @Field(() => Int, { description: 'Failed tries on the current channel.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last try failed.' }) lastError!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType({ description: 'A notice no channel delivered: staff send it as a letter.' })
export class LetterNeeded {
  @Field(() => ID) caseId!: string;
  @Field() reference!: string;
  @Field(() => CitizenMessageInfo) message!: CitizenMessageInfo;
}
