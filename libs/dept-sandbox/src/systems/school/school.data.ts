import { addDays } from '../../clock';

/** The school administration system's own vocabulary (its codes, not Frontdoor's). */
export type PartOfDay = 'FULL_DAY' | 'MORNING' | 'AFTERNOON';
export type AbsenceReason = 'SICK' | 'LEAVE' | 'UNREPORTED';

export interface Absence {
  absenceId: string;
  date: string;
  partOfDay: PartOfDay;
  reason: AbsenceReason;
  reportedBy: string;
  reportedByName: string;
  reportedAt: string;
}

export interface Pupil {
  personalNumber: string;
  givenName: string;
  school: string;
  className: string;
  /** The guardians the school has on record (from the population register at enrolment). */
  guardians: Record<string, string>;
  absences: Absence[];
}

/** Elsa Andersson, Anna's daughter (the README's demo guardian), in year 3. */
export const DEMO_PUPIL = '201708142425';
export const DEMO_GUARDIAN = '199001012385';

/**
 * The demo's pupils, dated from `today` so the demo always has recent absences: Elsa, whom
 * Anna reported sick five and eleven days ago, and a pupil with no absences at all.
 */
export function seedSchool(today: string): Map<string, Pupil> {
  const at = (date: string, time: string) => `${date}T${time}:00+01:00`;
  const fiveDaysAgo = addDays(today, -5);
  const elevenDaysAgo = addDays(today, -11);
  const pupils: Pupil[] = [
    {
      personalNumber: DEMO_PUPIL,
      givenName: 'Elsa',
      school: 'Norrbyskolan',
      className: '3B',
      guardians: { [DEMO_GUARDIAN]: 'Anna Andersson' },
      absences: [
        {
          absenceId: 'FR-1001',
          date: elevenDaysAgo,
          partOfDay: 'MORNING',
          reason: 'SICK',
          reportedBy: DEMO_GUARDIAN,
          reportedByName: 'Anna Andersson',
          reportedAt: at(elevenDaysAgo, '07:12'),
        },
        {
          absenceId: 'FR-1002',
          date: fiveDaysAgo,
          partOfDay: 'FULL_DAY',
          reason: 'SICK',
          reportedBy: DEMO_GUARDIAN,
          reportedByName: 'Anna Andersson',
          reportedAt: at(fiveDaysAgo, '06:58'),
        },
      ],
    },
  ];
  return new Map(pupils.map((pupil) => [pupil.personalNumber, pupil]));
}
