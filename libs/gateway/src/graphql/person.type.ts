import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A person, with their matters in every connected department system.' })
export class Person {
  @Field({ description: 'Normalised personal identity number, 12 digits (YYYYMMDDNNNC).' })
  personalNumber!: string;

  /** Internal: the party id that audit rows refer to. Not exposed. */
  partyId!: string;
}
