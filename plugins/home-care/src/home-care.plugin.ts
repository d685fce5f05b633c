import { z } from 'zod';
import { apiPath, definePlugin, type SourceHttp } from '@frontdoor/plugin-sdk';
import { changeRequestOutcome, homeCareAnswer } from './home-care-answer.schema';
import { homeCareChangeInput } from './home-care-change.input';
import { refusalLabel } from './home-care.catalogues';
import { changeSummary, homeCareDetail, homeCareStatuses } from './home-care.mapping';
import { HomeCare, HomeCareChangeInput, HomeCareChangeReceipt } from './home-care.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const homeCareConfig = z.object({}).strict();
export type HomeCareConfig = z.infer<typeof homeCareConfig>;

/** How far ahead the plugin asks for planned visits. */
const VISIT_DAYS = 14;
/** A person has one team, seldom two (a change of team); a bound keeps a bad answer from fanning out. */
const MAX_TEAMS = 4;

const teamIdsIn = z
  .object({ decisions: z.array(z.object({ teamId: z.string().min(1).nullable() }).loose()) })
  .loose();
const visitTeamIdsIn = z.object({ visits: z.array(z.object({ teamId: z.string().min(1) }).loose()) }).loose();

/**
 * The teams the client's decisions and visits name, read from the raw answers: garbage names none,
 * and the hub's validation of the whole answer then refuses it.
 */
function teamIds(client: unknown, visits: unknown): string[] {
  const fromDecisions = teamIdsIn.safeParse(client).data?.decisions.map((d) => d.teamId) ?? [];
  const fromVisits = visitTeamIdsIn.safeParse(visits).data?.visits.map((v) => v.teamId) ?? [];
  return [...new Set([...fromDecisions, ...fromVisits].filter((id): id is string => !!id))].slice(
    0,
    MAX_TEAMS,
  );
}

async function readClient(http: SourceHttp, personalNumber: string, today: string): Promise<unknown> {
  const client = await http.getJson(apiPath`api/v1/clients/${personalNumber}`, { notFoundMeansNone: true });
  if (client === null) return null;
  const visits = await http.getJson(apiPath`api/v1/clients/${personalNumber}/visits`, {
    query: { from: today, days: VISIT_DAYS },
  });
  const teams = await Promise.all(
    teamIds(client, visits).map((teamId) => http.getJson(apiPath`api/v1/teams/${teamId}`)),
  );
  return { client, visits, teams };
}

/**
 * Home care (hemtjänst), under social-services secrecy (OSL 26 kap. 1 §): the decision's state,
 * the granted services, the next visits and the team, and change requests to the team.
 */
export const homeCarePlugin = definePlugin({
  id: 'home-care',
  department: 'Hemtjänst',
  version: '1.0.0',
  sdk: '^4.1',
  secrecy: { class: 'secrecy', statute: 'OSL 26:1' },
  config: homeCareConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http, today }, person) => readClient(http, person.personalNumber, today),
    answer: homeCareAnswer,
    statuses: (answer, today, reader) => homeCareStatuses(answer, today, reader),
    detail: {
      field: 'homeCare',
      description:
        'The person’s home care: decisions, granted services, the next visits, the team and change requests.',
      type: () => HomeCare,
      map: homeCareDetail,
      // Above the status: when and who comes to the home is more than whether there is home care.
      mandate: 2,
    },
    // Where the care is given is where the person lives; the team's name and phone are not.
    whereabouts: ['client.address.street', 'client.address.postalCode', 'client.address.city'],
    placeIds: ['client.address.addressId'],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'requestHomeCareChange',
      description:
        'Asks the home-care team for a change: a visit’s time, a cancelled visit, a pause (e.g. in hospital) or a message.',
      mandate: 3,
      inputType: () => HomeCareChangeInput,
      input: homeCareChangeInput,
      type: () => HomeCareChangeReceipt,
      // The hub sends the client's idempotency key with the request: a retry never files it twice.
      run: ({ http }, { personalNumber, ...change }) =>
        http.postJson(apiPath`api/v1/clients/${personalNumber}/change-requests`, change),
      answer: changeRequestOutcome,
      map: (outcome) =>
        outcome.outcome === 'RECEIVED'
          ? {
              accepted: true,
              requestId: outcome.request.requestId,
              label: `Hemtjänsten har tagit emot begäran (${outcome.request.requestId}): ${changeSummary(outcome.request)}`,
            }
          : { accepted: false, requestId: null, label: refusalLabel(outcome.reason) },
      subjects: (input) => [input.personalNumber],
    }),
  ],
});
