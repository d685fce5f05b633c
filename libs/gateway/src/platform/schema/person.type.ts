import { Field, ObjectType } from '@nestjs/graphql';
import type { OpenedPerson } from '@frontdoor/core';

@ObjectType({ description: 'A person, with their matters in every connected department system.' })
export class Person {
  @Field({ description: 'Normalised personal identity number, 12 digits (YYYYMMDDNNNC).' })
  personalNumber!: string;

  @Field({
    description:
      'Skyddade personuppgifter: the population register marks the person (sekretessmarkering or skyddad folkbokföring), or the register could not be asked and the hub assumes so (fail closed). Addresses, units and property designations from every department then read "Skyddad uppgift" unless the reader has clearance.',
  })
  protectedIdentity!: boolean;

  /** Internal: the party id that audit rows refer to. Not exposed. */
  partyId!: string;

  /** Internal: the person as opened for this reader (scope, whereabouts blanked or not). */
  view!: OpenedPerson;
}
