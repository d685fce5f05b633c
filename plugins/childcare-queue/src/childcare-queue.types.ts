import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A preschool unit the guardian wishes, in order of preference.' })
export class ChildcarePreferredUnit {
  @Field() unitId!: string;
  @Field() name!: string;
  @Field(() => Int) rank!: number;
}

@ObjectType({ description: 'A placement offer (platserbjudande) the guardian must answer by a date.' })
export class ChildcarePlacementOffer {
  @Field() unitName!: string;
  @Field(() => CalendarDate) startDate!: string;
  @Field(() => CalendarDate, { description: 'Last day to answer the offer.' }) answerBy!: string;
  @Field({ description: 'Whether the guardian’s yes/no answer has arrived.' }) answered!: boolean;
  @Field(() => String, { nullable: true, description: 'YES or NO once answered.' }) answer!: string | null;
}

@ObjectType({ description: 'One application for a preschool place (förskoleplats).' })
export class ChildcareApplication {
  @Field() applicationId!: string;
  @Field() childFirstName!: string;
  @Field() childPersonalNumber!: string;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => CalendarDate) wishedStartDate!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the queue; null once an offer is made.' })
  queuePosition!: number | null;
  @Field({ description: 'The childcare system’s own status code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish status text.' }) label!: string;
  @Field(() => [ChildcarePreferredUnit]) preferredUnits!: ChildcarePreferredUnit[];
  @Field(() => ChildcarePlacementOffer, { nullable: true }) offer!: ChildcarePlacementOffer | null;
}

@ObjectType({ description: 'The childcare queue (barnomsorgskö): a guardian’s applications.' })
export class ChildcareQueue {
  @Field(() => [ChildcareApplication]) applications!: ChildcareApplication[];
}
