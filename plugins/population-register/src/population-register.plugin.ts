import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { registerAnswer, type RegisterAnswer } from './register-answer.schema';
import { PopulationRecord } from './population-record.types';
import {
  personSearchAnswer,
  personSearchArgs,
  nothingFound,
  searchQuery,
  toSearchResult,
  type PersonSearchArgs,
} from './person-search';
import { PersonSearchResult } from './person-search.types';
import { hasProtectedIdentity } from './protection';
import { custodyRelations } from './custody';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const populationRegisterConfig = z.object({}).strict();
export type PopulationRegisterConfig = z.infer<typeof populationRegisterConfig>;

export { custodyRelations, hasProtectedIdentity };

export function populationRecord(answer: RegisterAnswer | null): PopulationRecord | null {
  if (!answer) return null;
  return {
    givenName: answer.givenName,
    surname: answer.surname,
    address: answer.address,
    municipality: answer.municipality,
    confidentialityMarking: answer.confidentialityMarking,
    protectedRegistration: answer.protectedRegistration,
    deceased: answer.deceased,
  };
}

/** The population register (folkbokföring via Navet): name, address, protection markings. */
export const populationRegisterPlugin = definePlugin({
  id: 'population-register',
  department: 'Folkbokföring',
  version: '1.0.0',
  sdk: '^4',
  config: populationRegisterConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/persons/${person.personalNumber}`, { notFoundMeansNone: true }),
    answer: registerAnswer,
    // The register keeps no matters of the person's: it informs, it adds no status items.
    statuses: () => [],
    detail: {
      field: 'populationRecord',
      description: 'Name, registered address and protection markings from the population register.',
      type: () => PopulationRecord,
      map: populationRecord,
      mandate: 1,
    },
    whereabouts: ['address.careOf', 'address.street', 'address.postalCode', 'address.city', 'municipality'],
    placeIds: [],
    protectedIdentity: hasProtectedIdentity,
    custody: custodyRelations,
  },
  queries: ({ defineQuery }) => [
    defineQuery({
      field: 'personSearch',
      description:
        'People by name and/or address (postcode and birth year narrow it), as SPAR’s person search: at most 20, else `tooMany`. People with protected identity are never listed.',
      args: personSearchArgs,
      type: () => PersonSearchResult,
      fetch: async ({ http }, args: PersonSearchArgs) =>
        nothingFound(await http.getJson('api/v1/person-search', { query: searchQuery(args) })),
      answer: personSearchAnswer,
      map: toSearchResult,
      subjects: (answer) => answer.people.map((p) => p.personalNumber),
      mandate: 1,
      whereabouts: [
        'people.*.address.careOf',
        'people.*.address.street',
        'people.*.address.postalCode',
        'people.*.address.city',
        'people.*.municipality',
      ],
      placeIds: [],
      // A search by address names who lives there: with a protected person among the answers,
      // an uncleared reader gets exactly what an empty street gets.
      findsByPlace: true,
    }),
  ],
});
