import { z } from 'zod';
import { apiPath, definePlugin } from '@frontdoor/plugin-sdk';
import { reportSickInput } from './report-sick.input';
import { reportOutcome, schoolAbsenceAnswer } from './school-absence-answer.schema';
import { partOfDayLabel, refusalLabel } from './school-absence.catalogues';
import { absenceView, schoolAbsenceDetail, schoolAbsenceStatuses } from './school-absence.mapping';
import { PupilSickReportInput, PupilSickReportReceipt, SchoolAbsence } from './school-absence.types';

/** Nothing of its own: the base URL and API key are the installation's `connection`, owned by the hub. */
export const schoolAbsenceConfig = z.object({}).strict();
export type SchoolAbsenceConfig = z.infer<typeof schoolAbsenceConfig>;

/**
 * School absence (Sjukanmälan elever, "Grundskola – frånvaro"): a pupil's registered absences
 * in the school administration system, and a guardian's sick report for today or tomorrow.
 */
export const schoolAbsencePlugin = definePlugin({
  id: 'school-absence',
  department: 'Grundskola – frånvaro',
  version: '1.0.0',
  sdk: '^4.3',
  secrecy: { class: 'personal' },
  config: schoolAbsenceConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: ({ http }, person) =>
      http.getJson(apiPath`api/v1/persons/${person.personalNumber}`, { notFoundMeansNone: true }),
    answer: schoolAbsenceAnswer,
    statuses: (answer, today, reader) => schoolAbsenceStatuses(answer, today, reader),
    detail: {
      field: 'schoolAbsence',
      description:
        'The pupil’s school, class and absences, and the absences the person reported for children.',
      type: () => SchoolAbsence,
      map: (answer) => schoolAbsenceDetail(answer),
      mandate: 2,
    },
    // The school and class say where a child is during the day.
    whereabouts: ['pupil.school', 'pupil.className'],
    placeIds: [],
  },
  actions: ({ defineAction }) => [
    defineAction({
      field: 'reportPupilSick',
      description:
        'Reports a pupil sick (sjukanmälan) for today or tomorrow, by a guardian with custody (checked by the hub).',
      mandate: 3,
      // A guardian may report her own child on Mina ärenden (SDK 4.3); the hub checks custody on both paths.
      citizens: 'self-or-represented',
      onBehalfOf: (input) => ({
        representative: input.guardianPersonalNumber,
        subject: input.pupilPersonalNumber,
      }),
      inputType: () => PupilSickReportInput,
      input: reportSickInput,
      type: () => PupilSickReportReceipt,
      // The hub sends the client's idempotency key with the request: a retry never books twice.
      run: ({ http }, { pupilPersonalNumber, guardianPersonalNumber, date, partOfDay }) =>
        http.postJson(apiPath`api/v1/pupils/${pupilPersonalNumber}/absences`, {
          date,
          partOfDay,
          reason: 'SICK',
          reportedBy: guardianPersonalNumber,
        }),
      answer: reportOutcome,
      map: (outcome) =>
        outcome.outcome === 'REGISTERED'
          ? {
              registered: true,
              absence: absenceView(outcome.absence),
              label: `Sjukanmälan är registrerad: ${outcome.absence.date}, ${partOfDayLabel(outcome.absence.partOfDay)} (${outcome.absence.absenceId}).`,
            }
          : { registered: false, absence: null, label: refusalLabel(outcome.reason) },
      subjects: (input) => [input.pupilPersonalNumber, input.guardianPersonalNumber],
    }),
  ],
});
