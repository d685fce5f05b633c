import { Field, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A bin (kärl) and when it is emptied next.' })
export class WasteBinInfo {
  @Field() binId!: string;
  @Field({ description: 'The waste system’s type code, e.g. MATAVFALL.' }) type!: string;
  @Field({ description: 'Swedish name, e.g. Matavfall.' }) typeLabel!: string;
  @Field(() => Int) sizeLiters!: number;
  @Field({ description: 'Interval code, e.g. BIWEEKLY.' }) interval!: string;
  @Field({ description: 'Swedish, e.g. varannan vecka.' }) intervalLabel!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish subscription status, e.g. Abonnemang aktivt.' }) label!: string;
  @Field(() => CalendarDate) nextPickup!: string;
}

@ObjectType({
  description:
    'A property (fastighet) with its waste collection, from the waste system’s latest imported export.',
})
export class WastePropertyInfo {
  @Field() propertyId!: string;
  @Field() address!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
  @Field(() => [WasteBinInfo]) bins!: WasteBinInfo[];
  @Field(() => GraphQLISODateTime, {
    description: 'When this data was imported from the waste system: how old it is.',
  })
  dataAsOf!: Date;
}

@ObjectType({
  description: 'Waste collection (avfall, renhållning) for the properties a person is customer of.',
})
export class WasteCollection {
  @Field(() => [WastePropertyInfo]) properties!: WastePropertyInfo[];
  @Field(() => GraphQLISODateTime, { description: 'When this data was imported from the waste system.' })
  dataAsOf!: Date;
}

@InputType({ description: 'A bulky waste pickup (grovsopshämtning) to order.' })
export class BulkyWastePickupInput {
  @Field() propertyId!: string;
  @Field(() => CalendarDate, {
    description: 'Preferred pickup date; the waste system books the first possible day on or after it.',
  })
  preferredDate!: string;
  @Field({ description: 'What is to be picked up, e.g. "En soffa och två stolar".' }) description!: string;
  @Field({ description: 'Personal number of the customer ordering.' }) orderedBy!: string;
}

@ObjectType({ description: 'A booked bulky waste pickup.' })
export class BulkyWasteOrder {
  @Field() orderId!: string;
  @Field() propertyId!: string;
  @Field(() => CalendarDate) pickupDate!: string;
  @Field({ description: 'Swedish confirmation an agent reads aloud.' }) label!: string;
}
