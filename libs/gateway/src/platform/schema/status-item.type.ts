import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

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
  @Field(() => GraphQLISODateTime, {
    description:
      'When the department system gave this answer (older than now when served from the hub’s cache).',
  })
  asOf!: Date;
}
