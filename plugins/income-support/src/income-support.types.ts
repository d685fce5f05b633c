import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A document the social worker asked for (komplettering).' })
export class IncomeSupportMissingDocument {
  @Field({ description: 'What to send, in Swedish.' }) description!: string;
  @Field(() => CalendarDate, { description: 'The day it is needed by.' }) requestedBy!: string;
}

@ObjectType({
  description: 'One month’s application for income support (försörjningsstöd), without its amount.',
})
export class IncomeSupportApplication {
  @Field() applicationId!: string;
  @Field({ description: 'The month applied for, YYYY-MM.' }) period!: string;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field({ description: 'The income-support system’s own state code.' }) stateCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish status text.' }) label!: string;
  @Field(() => [IncomeSupportMissingDocument]) missingDocuments!: IncomeSupportMissingDocument[];
  @Field(() => String, { nullable: true, description: 'beviljad, delvis beviljad or avslag, once decided.' })
  outcome!: string | null;
  @Field(() => CalendarDate, { nullable: true, description: 'When the money is planned to be paid.' })
  plannedPaymentDate!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) paidAt!: Date | null;
}

@ObjectType({ description: 'A household’s income-support applications (mandate level 2).' })
export class IncomeSupport {
  @Field({ description: 'The social services’ file number for the household (akt).' })
  caseFileNumber!: string;
  @Field(() => [IncomeSupportApplication]) applications!: IncomeSupportApplication[];
}

@ObjectType({ description: 'A month’s decision with the decided amount (secret beyond the status).' })
export class IncomeSupportDecision {
  @Field() applicationId!: string;
  @Field() period!: string;
  @Field(() => GraphQLISODateTime) decidedAt!: Date;
  @Field({ description: 'beviljad, delvis beviljad or avslag.' }) outcome!: string;
  @Field(() => Int, { description: 'The decided amount for the month, in whole kronor.' })
  decidedAmountSek!: number;
}

@ObjectType({ description: 'A household’s income-support decisions with their amounts (mandate level 4).' })
export class IncomeSupportDecisions {
  @Field(() => [IncomeSupportDecision]) decisions!: IncomeSupportDecision[];
}
