import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RegisteredAddress } from './population-record.types';

@ObjectType({ description: 'One person a register search found (never someone with protected identity).' })
export class PersonCandidate {
  @Field() personalNumber!: string;
  @Field() givenName!: string;
  @Field() surname!: string;
  @Field(() => Int, { description: 'From the personal number (samordningsnummer: the same digits).' })
  birthYear!: number;
  @Field(() => RegisteredAddress, { nullable: true, description: 'Folkbokföringsadress; null when none.' })
  address!: RegisteredAddress | null;
  @Field() deceased!: boolean;
}

@ObjectType({
  description:
    'People in the population register by name and address. Capped: when more match, `tooMany` is true, `people` is empty and the search must be narrowed.',
})
export class PersonSearchResult {
  @Field({ description: 'More matched than the register lists at once: narrow the search.' })
  tooMany!: boolean;
  @Field(() => Int, { description: 'How many matched (also when too many to list).' }) total!: number;
  @Field(() => [PersonCandidate]) people!: PersonCandidate[];
}
