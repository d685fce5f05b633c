import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { CalendarDate } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A registered absence (frånvaro) of a pupil.' })
export class PupilAbsence {
  @Field() absenceId!: string;
  @Field(() => CalendarDate) date!: string;
  @Field({ description: 'FULL_DAY, MORNING or AFTERNOON.' }) partOfDay!: string;
  @Field({ description: 'Swedish: heldag, förmiddag or eftermiddag.' }) partOfDayLabel!: string;
  @Field({ description: 'Swedish, e.g. Sjukanmäld.' }) reasonLabel!: string;
  @Field({ description: 'Who reported it, e.g. the guardian.' }) reportedByName!: string;
  @Field(() => GraphQLISODateTime) reportedAt!: Date;
}

@ObjectType({ description: 'An absence a guardian reported for a child.' })
export class ReportedPupilAbsence extends PupilAbsence {
  @Field() pupilPersonalNumber!: string;
  @Field() pupilGivenName!: string;
}

@ObjectType({ description: 'School absence (Grundskola – frånvaro): the pupil’s placement and absences.' })
export class SchoolAbsence {
  @Field(() => String, { nullable: true, description: 'The school, when the person is a pupil.' })
  school!: string | null;
  @Field(() => String, { nullable: true }) className!: string | null;
  @Field(() => [PupilAbsence], { description: 'The pupil’s absences, newest first.' })
  absences!: PupilAbsence[];
  @Field(() => [ReportedPupilAbsence], {
    description: 'Absences the person reported for children, newest first.',
  })
  reported!: ReportedPupilAbsence[];
}

@InputType({ description: 'A sick report (sjukanmälan) for a pupil, today or tomorrow.' })
export class PupilSickReportInput {
  @Field({ description: 'The pupil’s personal number (12 digits).' }) pupilPersonalNumber!: string;
  @Field({ description: 'The reporting guardian’s personal number (12 digits); must have custody.' })
  guardianPersonalNumber!: string;
  // A string, not the Date scalar: the plugin's check names a bad date in Swedish.
  @Field({ description: 'Today or tomorrow (Europe/Stockholm), YYYY-MM-DD.' }) date!: string;
  @Field({ description: 'FULL_DAY, MORNING or AFTERNOON.' }) partOfDay!: string;
}

@ObjectType({ description: 'What the school system said to a sick report.' })
export class PupilSickReportReceipt {
  @Field({ description: 'Whether the absence is registered.' }) registered!: boolean;
  @Field(() => PupilAbsence, { nullable: true }) absence!: PupilAbsence | null;
  @Field({ description: 'Swedish, to read aloud or show: what was registered, or why not.' }) label!: string;
}
