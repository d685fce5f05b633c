import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum IdentificationState {
  PENDING = 'pending',
  COMPLETE = 'complete',
  FAILED = 'failed',
  CANCELLED = 'cancelled',
}
registerEnumType(IdentificationState, {
  name: 'IdentificationState',
  description:
    'PENDING: BankID works (collect again in 2 s); COMPLETE: identified; FAILED or CANCELLED: identified nobody, opens nothing.',
});

@ObjectType({
  description:
    'An identification of the person on the line (BankID phone authentication, RP API v6, or an allowed exception), as the agent who started it sees it.',
})
export class CallerIdentificationInfo {
  @Field(() => ID) id!: string;
  @Field({ description: 'The personal number the caller claimed, which BankID was asked about.' })
  personalNumber!: string;
  @Field(() => IdentificationState) state!: IdentificationState;
  @Field({ description: '`bankid-phone`, or `exception` (with exceptionReason).' }) method!: string;
  @Field({ description: 'What the agent reads now, in Swedish: the hint while pending, the outcome after.' })
  message!: string;
  @Field(() => String, { nullable: true, description: 'BankID’s hint code (pending) or failure hint.' })
  hintCode!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why it opened nothing: a BankID failure hint, or mismatch, bankid-unavailable, invalid-answer, alreadyInProgress, not-configured.',
  })
  failure!: string | null;
  @Field(() => String, { nullable: true, description: 'completionData.user.name from BankID.' })
  identifiedName!: string | null;
  @Field(() => String, { nullable: true, description: 'completionData.user.personalNumber from BankID.' })
  identifiedPersonalNumber!: string | null;
  @Field(() => String, { nullable: true }) exceptionReason!: string | null;
  @Field(() => String, { nullable: true }) callId!: string | null;
  @Field(() => ID, { nullable: true }) caseId!: string | null;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'A completed identification opens secrecy departments until then, and only while its call lasts.',
  })
  validUntil!: Date | null;
}

@ObjectType({ description: 'An exception from identification the configuration allows.' })
export class IdentificationExceptionReason {
  @Field() key!: string;
  @Field() label!: string;
}
