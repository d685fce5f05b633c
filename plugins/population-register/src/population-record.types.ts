import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A registered address (folkbokföringsadress).' })
export class RegisteredAddress {
  @Field(() => String, { nullable: true, description: 'c/o line.' }) careOf!: string | null;
  @Field() street!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
}

@ObjectType({ description: 'The person as the population register (folkbokföringen) has them.' })
export class PopulationRecord {
  @Field() givenName!: string;
  @Field() surname!: string;
  @Field(() => RegisteredAddress, {
    nullable: true,
    description:
      'Null when the person has no Swedish address. "Skyddad uppgift" for a protected person unless the reader has clearance.',
  })
  address!: RegisteredAddress | null;
  @Field(() => String, {
    nullable: true,
    description: 'Municipality of registration (folkbokföringskommun).',
  })
  municipality!: string | null;
  @Field({ description: 'Sekretessmarkering.' }) confidentialityMarking!: boolean;
  @Field({ description: 'Skyddad folkbokföring.' }) protectedRegistration!: boolean;
  @Field() deceased!: boolean;
}
