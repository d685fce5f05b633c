export {
  schoolAbsencePlugin as plugin,
  schoolAbsencePlugin,
  schoolAbsenceConfig,
} from './school-absence.plugin';
export {
  SchoolAbsence,
  PupilAbsence,
  ReportedPupilAbsence,
  PupilSickReportInput,
  PupilSickReportReceipt,
} from './school-absence.types';
export { reportSickInput, reportSickInputAt } from './report-sick.input';
export { stockholmDay, nextDay } from './school-day';
