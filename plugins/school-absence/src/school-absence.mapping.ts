import { StatusState, type StatusItemInput, type StatusReader } from '@frontdoor/plugin-sdk';
import type {
  AbsenceAnswer,
  ReportedAbsenceAnswer,
  SchoolAbsenceAnswer,
} from './school-absence-answer.schema';
import { partOfDayLabel, reasonLabel } from './school-absence.catalogues';
import { nextDay } from './school-day';
import type { PupilAbsence, ReportedPupilAbsence, SchoolAbsence } from './school-absence.types';

const STAFF: StatusReader = { kind: 'staff' };
/** How far back an absence is still a status (the detail has them all). */
export const RECENT_DAYS = 14;

const daysBefore = (day: string, days: number) => {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
};

/** "i dag", "i morgon", or the date. */
function whenSaid(date: string, today: string): string {
  if (date === today) return 'i dag';
  if (date === nextDay(today)) return 'i morgon';
  return date;
}

const isRecent = (absence: AbsenceAnswer, today: string) => absence.date >= daysBefore(today, RECENT_DAYS);
const newestFirst = <T extends AbsenceAnswer>(list: T[]) =>
  [...list].sort((a, b) => b.date.localeCompare(a.date) || b.reportedAt.localeCompare(a.reportedAt));

function pupilLabel(absence: AbsenceAnswer, today: string, reader: StatusReader): string {
  const when = whenSaid(absence.date, today);
  const part = partOfDayLabel(absence.partOfDay);
  if (reader.kind === 'citizen')
    return absence.reason === 'SICK'
      ? `Du är sjukanmäld ${when}, ${part}`
      : `Du har frånvaro ${when}, ${part}`;
  return `${reasonLabel(absence.reason)} ${when}, ${part}`;
}

function reportedLabel(report: ReportedAbsenceAnswer, today: string, reader: StatusReader): string {
  const when = whenSaid(report.date, today);
  const part = partOfDayLabel(report.partOfDay);
  if (reader.kind === 'citizen') return `Du har sjukanmält ${report.pupilGivenName} ${when}, ${part}`;
  if (reader.kind === 'representative') return `${report.pupilGivenName} är sjukanmäld ${when}, ${part}`;
  return `Sjukanmälde ${report.pupilGivenName} ${when}, ${part}`;
}

const registeredAt = (reportedAt: string) => `Registrerad ${reportedAt.slice(0, 16).replace('T', ' ')}`;

/**
 * The pupil's absences from two weeks back, today and tomorrow first among them, and for a
 * guardian the absences she reported for her children: worded for their reader (SDK 4.1).
 * A registered absence is done as far as the reporter goes, so COMPLETED.
 */
export function schoolAbsenceStatuses(
  answer: SchoolAbsenceAnswer | null,
  today: string,
  reader: StatusReader = STAFF,
): StatusItemInput[] {
  if (!answer) return [];
  const own = newestFirst(answer.pupil?.absences ?? [])
    .filter((a) => isRecent(a, today))
    .map((absence): StatusItemInput => ({
      kind: 'pupil-absence',
      reference: absence.absenceId,
      title: `Frånvaro ${absence.date}`,
      state: StatusState.COMPLETED,
      label: pupilLabel(absence, today, reader),
      updatedAt: new Date(absence.reportedAt),
      nextStep:
        reader.kind === 'staff'
          ? `${registeredAt(absence.reportedAt)} av ${absence.reportedByName}, ${answer.pupil!.school} ${answer.pupil!.className}`
          : `Anmäld av ${absence.reportedByName}`,
    }));
  const reported = newestFirst(answer.reported)
    .filter((a) => isRecent(a, today))
    .map((report): StatusItemInput => ({
      kind: 'reported-absence',
      reference: report.absenceId,
      title: `Sjukanmälan för ${report.pupilGivenName} ${report.date}`,
      state: StatusState.COMPLETED,
      label: reportedLabel(report, today, reader),
      updatedAt: new Date(report.reportedAt),
      nextStep: registeredAt(report.reportedAt),
    }));
  return [...own, ...reported];
}

export function absenceView(absence: AbsenceAnswer): PupilAbsence {
  return {
    absenceId: absence.absenceId,
    date: absence.date,
    partOfDay: absence.partOfDay,
    partOfDayLabel: partOfDayLabel(absence.partOfDay),
    reasonLabel: reasonLabel(absence.reason),
    reportedByName: absence.reportedByName,
    reportedAt: new Date(absence.reportedAt),
  };
}

function reportedView(report: ReportedAbsenceAnswer): ReportedPupilAbsence {
  return {
    ...absenceView(report),
    pupilPersonalNumber: report.pupilPersonalNumber,
    pupilGivenName: report.pupilGivenName,
  };
}

/** The `schoolAbsence` detail: school and class, all absences and all reports, newest first. */
export function schoolAbsenceDetail(answer: SchoolAbsenceAnswer | null): SchoolAbsence | null {
  if (!answer) return null;
  return {
    school: answer.pupil?.school ?? null,
    className: answer.pupil?.className ?? null,
    absences: newestFirst(answer.pupil?.absences ?? []).map(absenceView),
    reported: newestFirst(answer.reported).map(reportedView),
  };
}
