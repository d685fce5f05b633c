import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A line on an invoice, with the explanation an agent reads aloud.' })
export class InvoiceLine {
  @Field() code!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => Int, { description: 'Amount in öre.' }) amountOre!: number;
  @Field({ description: 'E.g. "Avgift för förskola, november: 1 250 kr".' }) explanation!: string;
}

@ObjectType({ description: 'An invoice (faktura) from the municipality.' })
export class Invoice {
  @Field() invoiceNumber!: string;
  @Field(() => CalendarDate) issueDate!: string;
  @Field(() => CalendarDate) dueDate!: string;
  @Field(() => Int, { description: 'Amount in öre.' }) amountOre!: number;
  @Field(() => Int, { description: 'What is left to pay, in öre.' }) remainingOre!: number;
  @Field({ description: 'E.g. "1 750 kr".' }) amountText!: string;
  @Field({ description: 'The invoicing system’s status code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field() label!: string;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => [InvoiceLine]) lines!: InvoiceLine[];
}
