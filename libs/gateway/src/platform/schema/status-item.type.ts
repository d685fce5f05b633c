import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'Where the citizen does what a matter asks of them.' })
export class StatusAction {
  @Field({ description: 'The link’s text in Swedish, e.g. "Svara på erbjudandet".' }) label!: string;
  @Field({
    description:
      'An https address (the department’s e-service) or an anchor on Mina ärenden (#…); validated.',
  })
  url!: string;
}

@ObjectType({ description: 'How to pay an invoice.' })
export class StatusPayment {
  @Field({ description: 'The OCR reference to give with the payment.' }) ocr!: string;
  @Field({ description: 'The bankgiro number to pay to, e.g. 5050-1055.' }) bankgiro!: string;
  @Field(() => Int, { description: 'The amount due, in öre (125000 is 1 250 kr).' }) amountOre!: number;
}

@ObjectType({
  description: 'One of a person’s matters in a department system, mapped onto the shared status model.',
})
export class StatusItem {
  @Field({ description: 'The plugin id it came from, e.g. childcare-queue.' }) source!: string;
  @Field({ description: 'The kind of matter in the department’s words, e.g. childcare-application.' })
  kind!: string;
  @Field({ description: 'The department’s reference the citizen can quote.' }) reference!: string;
  @Field({ description: 'Short Swedish title.' }) title!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish status text an agent reads aloud.' }) label!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt?: Date;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'When something is due (an answer, a payment, a decision).',
  })
  dueDate?: string;
  @Field({ nullable: true, description: 'What happens next, or what the citizen must do.' })
  nextStep?: string;
  @Field(() => StatusAction, { nullable: true, description: 'Where the citizen does it (SDK 4.1).' })
  action?: StatusAction;
  @Field(() => StatusPayment, { nullable: true, description: 'How to pay, for an invoice (SDK 4.1).' })
  payment?: StatusPayment;
  @Field(() => GraphQLISODateTime, {
    description:
      'When the department system gave this answer (older than now when served from the hub’s cache).',
  })
  asOf!: Date;
}
