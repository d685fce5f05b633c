import { Field, Float, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A meter reading (mätarställning) in cubic metres.' })
export class WaterMeterReading {
  @Field(() => Int, { description: 'Cubic metres (m³) on the meter.' }) value!: number;
  @Field(() => CalendarDate) readOn!: string;
  @Field({ description: 'Swedish, e.g. "fjärravläst".' }) sourceLabel!: string;
}

@ObjectType({ description: 'A planned interruption of the water supply in the property’s area.' })
export class WaterInterruption {
  @Field() interruptionId!: string;
  @Field({ description: 'The area’s name (blanked for protected identity).' }) areaName!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field({ description: 'Swedish, e.g. "onsdag 9 december kl. 09.00–13.00".' }) window!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'A property’s water subscription (VA-abonnemang), its meter and billing.' })
export class WaterSubscription {
  @Field() subscriptionId!: string;
  @Field({ description: 'The water system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Aktivt.' }) label!: string;
  @Field({ description: 'Fastighetsbeteckning (blanked for protected identity).' }) designation!: string;
  @Field({ description: 'Street address (blanked for protected identity).' }) street!: string;
  @Field(() => [String], { description: 'Swedish, e.g. Dricksvatten, Spillvatten (avlopp).' })
  services!: string[];
  @Field(() => String, { nullable: true, description: 'Quote it to register a reading.' })
  meterId!: string | null;
  @Field(() => WaterMeterReading, { nullable: true }) lastReading!: WaterMeterReading | null;
  @Field(() => CalendarDate, { nullable: true }) nextBillingDate!: string | null;
  @Field({ description: 'Swedish, e.g. "varje kvartal".' }) billingPeriod!: string;
  @Field(() => Float, { nullable: true, description: 'Kronor, the last invoice.' })
  lastInvoiceAmount!: number | null;
  @Field(() => [WaterInterruption], { description: 'Planned interruptions in the area, soonest first.' })
  interruptions!: WaterInterruption[];
}

@ObjectType({ description: 'Water and sewage (vatten och avlopp): the person’s properties’ subscriptions.' })
export class Water {
  @Field(() => [WaterSubscription]) subscriptions!: WaterSubscription[];
}

@InputType({ description: 'A meter reading the owner reports (mätarställning).' })
export class MeterReadingInput {
  @Field({ description: 'Personal number of the property owner (12 digits).' }) personalNumber!: string;
  @Field({ description: 'The meter number, as in `water.subscriptions.meterId`.' }) meterId!: string;
  @Field(() => Int, { description: 'Whole cubic metres (m³) on the meter.' }) reading!: number;
  @Field(() => CalendarDate, { description: 'The day the meter was read, not in the future.' })
  readOn!: string;
}

@ObjectType({ description: 'What the water system said to a meter reading.' })
export class MeterReadingReceipt {
  @Field({ description: 'Whether the system registered the reading.' }) accepted!: boolean;
  @Field(() => String, { nullable: true }) readingId!: string | null;
  @Field({ description: 'Swedish, read aloud: what was registered, or why not.' }) label!: string;
}
