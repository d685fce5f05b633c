import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'The swim-school group offered from the queue.' })
export class SwimGroupOffer {
  @Field() groupName!: string;
  @Field() facility!: string;
  @Field({ description: 'Swedish, e.g. "onsdagar kl. 17.00, från 11 januari".' }) when!: string;
  @Field(() => CalendarDate) answerBy!: string;
}

@ObjectType({ description: 'A place in the swim-school queue (simskolekö).' })
export class SwimQueueEntry {
  @Field() queueId!: string;
  @Field({ description: 'The swimmer’s first name (often the booker’s child).' }) participant!: string;
  @Field() course!: string;
  @Field({ description: 'The bath system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Står i kö.' }) label!: string;
  @Field(() => Int, { nullable: true, description: 'Place in the queue while waiting.' }) place!:
    number | null;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
  @Field(() => SwimGroupOffer, { nullable: true }) offer!: SwimGroupOffer | null;
}

@ObjectType({ description: 'A booking at the baths: a swim-school term, a class or a session.' })
export class SwimBooking {
  @Field({ description: 'Quote it to cancel the booking.' }) bookingId!: string;
  @Field() participant!: string;
  @Field() activity!: string;
  @Field() facility!: string;
  @Field(() => CalendarDate) date!: string;
  @Field({ description: 'Swedish, e.g. "torsdag 26 november kl. 17.30–18.15".' }) time!: string;
  @Field({ description: 'The bath system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Bokad.' }) label!: string;
  @Field(() => Int, { description: 'Whole kronor.' }) priceSek!: number;
}

@ObjectType({ description: 'Baths and swim school (Badhus och simskola): the queue and bookings.' })
export class Swimming {
  @Field(() => [SwimQueueEntry]) queue!: SwimQueueEntry[];
  @Field(() => [SwimBooking], { description: 'From today on, soonest first.' }) bookings!: SwimBooking[];
}

@InputType({ description: 'A booking at the baths to cancel.' })
export class SwimBookingCancellationInput {
  @Field({ description: 'Personal number of the one who booked (12 digits).' }) personalNumber!: string;
  @Field({ description: 'The booking’s number, e.g. SB-2026-88120.' }) bookingId!: string;
  @Field(() => String, { nullable: true, description: 'Why, if the booker says, e.g. "Sjuk".' })
  reason?: string | null;
}

@ObjectType({ description: 'What the bath system said to a cancellation.' })
export class SwimBookingCancellationReceipt {
  @Field({ description: 'Whether the booking is now cancelled.' }) accepted!: boolean;
  @Field(() => String, { nullable: true }) bookingId!: string | null;
  @Field({ description: 'Swedish, read aloud: what was cancelled, or why not.' }) label!: string;
}
