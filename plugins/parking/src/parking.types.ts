import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A residents’ parking permit (boendeparkering), or the application for one.' })
export class ParkingPermit {
  @Field() permitId!: string;
  @Field({ description: 'The parking system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Giltigt.' }) label!: string;
  @Field({ description: 'The residents’ parking zone, e.g. "Zon C Norrböle".' }) zone!: string;
  @Field({ description: 'The vehicle’s registration number.' }) vehicle!: string;
  @Field(() => GraphQLISODateTime) appliedAt!: Date;
  @Field(() => CalendarDate, { nullable: true }) validFrom!: string | null;
  @Field(() => CalendarDate, { nullable: true }) validTo!: string | null;
}

@ObjectType({ description: 'A request for review (omprövning) of a parking fine.' })
export class ParkingFineReview {
  @Field() reviewId!: string;
  @Field({ description: 'Swedish, e.g. Otydlig eller saknad skyltning.' }) reasonLabel!: string;
  @Field({ description: 'Swedish, e.g. "Begärd, parkeringshandläggaren prövar den".' }) stateLabel!: string;
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType({ description: 'A parking fine (felparkeringsavgift): amount, due date and review.' })
export class ParkingFine {
  @Field({ description: 'Quote it to ask for a review.' }) fineId!: string;
  @Field({ description: 'The parking system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Obetald.' }) label!: string;
  @Field() vehicle!: string;
  @Field(() => GraphQLISODateTime) issuedAt!: Date;
  @Field({ description: 'Where the vehicle stood.' }) location!: string;
  @Field(() => Int, { description: 'Whole kronor.' }) amountSek!: number;
  @Field(() => CalendarDate) dueDate!: string;
  @Field() ocr!: string;
  @Field() bankgiro!: string;
  @Field(() => ParkingFineReview, { nullable: true }) review!: ParkingFineReview | null;
}

@ObjectType({ description: 'Parking (Parkering): residents’ permits and parking fines.' })
export class Parking {
  @Field(() => [ParkingPermit]) permits!: ParkingPermit[];
  @Field(() => [ParkingFine], { description: 'Newest first.' }) fines!: ParkingFine[];
}

@InputType({ description: 'A request for review (omprövning) of a parking fine.' })
export class ParkingFineReviewInput {
  @Field({ description: 'Personal number of the vehicle’s owner (12 digits).' }) personalNumber!: string;
  @Field({ description: 'The fine’s number, e.g. FP-2026-004711.' }) fineId!: string;
  @Field({ description: 'SIGN_UNCLEAR, PERMIT_VALID, VEHICLE_SOLD, VEHICLE_STOLEN or OTHER.' })
  reason!: string;
  @Field({ description: 'The owner’s account of what happened, for the parking officer.' })
  message!: string;
}

@ObjectType({ description: 'What the parking system said to a review request.' })
export class ParkingFineReviewReceipt {
  @Field({ description: 'Whether the system took the request.' }) accepted!: boolean;
  @Field(() => String, { nullable: true }) reviewId!: string | null;
  @Field({ description: 'Swedish, read aloud: what was taken, or why not.' }) label!: string;
}
