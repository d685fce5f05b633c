import { Field, GraphQLISODateTime, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CallbackContactInput } from '../platform/schema/case.types';

@ObjectType({ description: 'A category a citizen can ask a question in (public in the case setup).' })
export class QuestionCategory {
  @Field() key!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'What it is for, in plain Swedish.' }) description!:
    string | null;
  @Field({ description: 'The answer group (svarsgrupp) the question goes to.' }) answerGroupName!: string;
  @Field({ description: 'Working days the group has to answer (the service goal).' }) slaWorkingDays!: number;
}

@InputType({ description: 'A question asked on the web (Mina ärenden): it becomes an E_SERVICE case.' })
export class AskQuestionInput {
  @Field() categoryKey!: string;
  @Field({ description: 'The question, at most 4000 characters.' }) question!: string;
  @Field(() => CallbackContactInput, {
    description: 'How to be reached: an e-mail, a Swedish phone number, or both.',
  })
  contact!: CallbackContactInput;
}

@ObjectType({ description: 'The receipt (kvitto) of a question asked on the web.' })
export class QuestionReceipt {
  @Field({ description: 'The case reference to quote, e.g. FD-2026-4F7K2Q.' }) reference!: string;
  @Field() caseId!: string;
  @Field() categoryName!: string;
  @Field() answerGroupName!: string;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field({ description: 'When the answer is due, in words: "senast fredag 4 december 2026".' })
  answerByText!: string;
}

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  /** The digital mailbox (Kivra, Min myndighetspost), found by the personal number. */
  MAILBOX = 'MAILBOX',
  NONE = 'NONE',
}
registerEnumType(NotificationChannel, {
  name: 'NotificationChannel',
  description: 'How a citizen hears that their case was answered, waits for them, or was closed.',
});

@ObjectType({ description: 'The citizen’s own choice of notifications.' })
export class NotificationPreference {
  @Field(() => NotificationChannel) channel!: NotificationChannel;
  @Field(() => String, {
    nullable: true,
    description: 'Where the e-mail goes; null: the address given on each case.',
  })
  email!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The mobile number texts go to (E.164, +46701234567); null: the number given on each case.',
  })
  phone!: string | null;
}
