import { StatusState, statusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import {
  reportOutcome,
  schoolAbsenceAnswer,
  type AbsenceAnswer,
  type SchoolAbsenceAnswer,
} from './school-absence-answer.schema';
import { reportSickInputAt } from './report-sick.input';
import { partOfDayLabel, refusalLabel } from './school-absence.catalogues';
import { schoolAbsenceDetail, schoolAbsenceStatuses } from './school-absence.mapping';
import { schoolAbsenceConfig, schoolAbsencePlugin } from './school-absence.plugin';
import { nextDay, stockholmDay } from './school-day';

const TODAY = '2026-11-24';
const STAFF: StatusReader = { kind: 'staff' };
const CITIZEN: StatusReader = { kind: 'citizen' };
const REPRESENTATIVE: StatusReader = { kind: 'representative' };
const ANNA = '199001012385';
const ELSA = '201708142425';

function absence(overrides: Partial<AbsenceAnswer> = {}): AbsenceAnswer {
  return {
    absenceId: 'FR-2001',
    date: TODAY,
    partOfDay: 'FULL_DAY',
    reason: 'SICK',
    reportedBy: ANNA,
    reportedByName: 'Anna Andersson',
    reportedAt: '2026-11-24T06:58:00+01:00',
    ...overrides,
  };
}

const asPupil = (absences: AbsenceAnswer[]): SchoolAbsenceAnswer => ({
  personalNumber: ELSA,
  pupil: { personalNumber: ELSA, givenName: 'Elsa', school: 'Norrbyskolan', className: '3B', absences },
  reported: [],
});
const asGuardian = (absences: AbsenceAnswer[]): SchoolAbsenceAnswer => ({
  personalNumber: ANNA,
  pupil: null,
  reported: absences.map((a) => ({ ...a, pupilPersonalNumber: ELSA, pupilGivenName: 'Elsa' })),
});

describe('school-absence plugin', () => {
  it('declares a personal-data department on SDK 4.3, its action open to guardians acting for their children', () => {
    expect(schoolAbsencePlugin).toMatchObject({
      id: 'school-absence',
      department: 'Grundskola – frånvaro',
      sdk: '^4.3',
      secrecy: { class: 'personal' },
    });
    const [action] = schoolAbsencePlugin.actions;
    expect(action).toMatchObject({ field: 'reportPupilSick', mandate: 3, citizens: 'self-or-represented' });
    const input = {
      pupilPersonalNumber: ELSA,
      guardianPersonalNumber: ANNA,
      date: TODAY,
      partOfDay: 'MORNING',
    };
    expect(action.onBehalfOf!(input)).toEqual({ representative: ANNA, subject: ELSA });
    expect(action.subjects(input)).toEqual([ELSA, ANNA]);
    expect(schoolAbsenceConfig.safeParse({ baseUrl: 'x' }).success).toBe(false);
  });

  it('has nothing to say for a person the system does not know', () => {
    expect(schoolAbsenceStatuses(null, TODAY)).toEqual([]);
    expect(schoolAbsenceDetail(null)).toBeNull();
  });

  it('maps the pupil’s absence today, worded for each reader', () => {
    const forStaff = schoolAbsenceStatuses(asPupil([absence()]), TODAY, STAFF);
    expect(forStaff).toEqual([
      {
        kind: 'pupil-absence',
        reference: 'FR-2001',
        title: `Frånvaro ${TODAY}`,
        state: StatusState.COMPLETED,
        label: 'Sjukanmäld i dag, heldag',
        updatedAt: new Date('2026-11-24T06:58:00+01:00'),
        nextStep: 'Registrerad 2026-11-24 06:58 av Anna Andersson, Norrbyskolan 3B',
      },
    ]);
    expect(forStaff.every((item) => statusItemInput.safeParse(item).success)).toBe(true);
    const tomorrow = absence({ date: nextDay(TODAY), partOfDay: 'AFTERNOON' });
    expect(schoolAbsenceStatuses(asPupil([tomorrow]), TODAY, CITIZEN)[0]).toMatchObject({
      label: 'Du är sjukanmäld i morgon, eftermiddag',
      nextStep: 'Anmäld av Anna Andersson',
    });
    expect(schoolAbsenceStatuses(asPupil([tomorrow]), TODAY, REPRESENTATIVE)[0].label).toBe(
      'Sjukanmäld i morgon, eftermiddag',
    );
  });

  it('shows a guardian the absences she reported for her children', () => {
    const reported = asGuardian([absence({ partOfDay: 'MORNING' })]);
    expect(schoolAbsenceStatuses(reported, TODAY, CITIZEN)).toEqual([
      expect.objectContaining({
        kind: 'reported-absence',
        title: `Sjukanmälan för Elsa ${TODAY}`,
        label: 'Du har sjukanmält Elsa i dag, förmiddag',
        state: StatusState.COMPLETED,
      }),
    ]);
    expect(schoolAbsenceStatuses(reported, TODAY, STAFF)[0].label).toBe('Sjukanmälde Elsa i dag, förmiddag');
    expect(schoolAbsenceDetail(reported)).toMatchObject({
      school: null,
      absences: [],
      reported: [{ pupilGivenName: 'Elsa', partOfDayLabel: 'förmiddag', reasonLabel: 'Sjukanmäld' }],
    });
  });

  it('keeps two weeks of absences as statuses, newest first, and all of them in the detail', () => {
    const answer = asPupil([
      absence({ absenceId: 'OLD', date: '2026-10-01' }),
      absence({ absenceId: 'RECENT', date: '2026-11-19' }),
      absence({ absenceId: 'NOW', date: TODAY }),
    ]);
    expect(schoolAbsenceStatuses(answer, TODAY).map((s) => s.reference)).toEqual(['NOW', 'RECENT']);
    expect(schoolAbsenceStatuses(answer, TODAY)[1].label).toBe('Sjukanmäld 2026-11-19, heldag');
    expect(schoolAbsenceDetail(answer)!.absences.map((a) => a.absenceId)).toEqual(['NOW', 'RECENT', 'OLD']);
  });

  it('shows a code it does not know with its code, never drops the absence', () => {
    const [item] = schoolAbsenceStatuses(asPupil([absence({ partOfDay: 'LUNCH', reason: 'TRIP' })]), TODAY);
    expect(item.label).toBe('Frånvaro (TRIP) i dag, okänd del av dagen (LUNCH)');
    expect(partOfDayLabel('FULL_DAY')).toBe('heldag');
  });

  it('refuses garbage from the system', () => {
    expect(schoolAbsenceAnswer.safeParse({ pupil: '§§§', reported: [] }).success).toBe(false);
    expect(schoolAbsenceAnswer.safeParse({ ...asPupil([absence({ date: 'igår' })]) }).success).toBe(false);
    expect(reportOutcome.safeParse({ outcome: 'MAYBE' }).success).toBe(false);
  });

  describe('the sick report', () => {
    // 23:30 UTC on 24 November is already 25 November in Stockholm.
    const lateEvening = reportSickInputAt(() => new Date('2026-11-24T23:30:00Z'));
    const good = {
      pupilPersonalNumber: ELSA,
      guardianPersonalNumber: ANNA,
      date: '2026-11-25',
      partOfDay: 'FULL_DAY',
    };

    it('takes today or tomorrow by the school’s clock (Europe/Stockholm)', () => {
      expect(lateEvening.parse(good)).toEqual(good);
      expect(lateEvening.parse({ ...good, date: '2026-11-26' }).date).toBe('2026-11-26');
      expect(stockholmDay(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
      expect(nextDay('2026-12-31')).toBe('2027-01-01');
    });

    it('refuses another day, naming the field in Swedish', () => {
      const bad = lateEvening.safeParse({ ...good, date: '2026-11-24' });
      expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        [
          'date',
          'sjukanmälan görs för i dag (2026-11-25) eller i morgon (2026-11-26); annan frånvaro anmäls till skolan',
        ],
      ]);
      expect(lateEvening.safeParse({ ...good, date: '2026-12-01' }).error?.issues[0].path).toEqual(['date']);
    });

    it('names every bad field in Swedish', () => {
      const bad = lateEvening.safeParse({
        pupilPersonalNumber: '2016',
        guardianPersonalNumber: ANNA,
        date: '25/11',
        partOfDay: 'LUNCH',
      });
      expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['pupilPersonalNumber', 'ange elevens personnummer med tolv siffror, ÅÅÅÅMMDDNNNN'],
        ['date', 'ange dagen som ÅÅÅÅ-MM-DD'],
        ['partOfDay', expect.stringContaining('välj FULL_DAY (heldag)')],
      ]);
      expect(
        lateEvening.safeParse({ ...good, guardianPersonalNumber: ELSA }).error?.issues.map((i) => i.path[0]),
      ).toEqual(['guardianPersonalNumber']);
    });

    it('reads the system’s receipt and refusals in Swedish', () => {
      const [action] = schoolAbsencePlugin.actions;
      expect(
        action.map({
          outcome: 'REGISTERED',
          pupilPersonalNumber: ELSA,
          absence: absence({ absenceId: 'FR-9' }),
        }),
      ).toMatchObject({
        registered: true,
        label: `Sjukanmälan är registrerad: ${TODAY}, heldag (FR-9).`,
        absence: { absenceId: 'FR-9', partOfDayLabel: 'heldag' },
      });
      expect(action.map({ outcome: 'REFUSED', reason: 'ALREADY_REPORTED' })).toEqual({
        registered: false,
        absence: null,
        label: 'Eleven är redan frånvaroanmäld den dagen.',
      });
      expect(refusalLabel('WEIRD')).toBe('Skolans system tog inte emot anmälan (WEIRD).');
    });
  });
});
