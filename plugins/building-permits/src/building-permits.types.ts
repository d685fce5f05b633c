import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A document the building committee is waiting for (komplettering).' })
export class BuildingPermitMissingDocument {
  @Field() name!: string;
  @Field(() => CalendarDate) requestedDate!: string;
}

@ObjectType({ description: 'The case officer (handläggare) responsible for a permit case.' })
export class BuildingPermitCaseOfficer {
  @Field() name!: string;
  @Field() phone!: string;
}

@ObjectType({ description: 'A building permit case (bygglovsärende).' })
export class BuildingPermit {
  @Field({ description: 'Diarienummer, e.g. BN 2026-000123.' }) caseNumber!: string;
  @Field() description!: string;
  @Field({ description: 'Fastighetsbeteckning, e.g. Sjöstaden 4:12.' }) propertyDesignation!: string;
  @Field({ description: 'The permit system’s stage code.' }) stage!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field() label!: string;
  @Field(() => CalendarDate) receivedDate!: string;
  @Field(() => CalendarDate, { nullable: true }) completeDate!: string | null;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'PBL 9 kap. 27 §: 10 weeks from the complete application, 20 if extended once.',
  })
  statutoryDecisionDate!: string | null;
  @Field({ description: 'The decision is later than the statutory date.' }) overdue!: boolean;
  @Field() decisionExtended!: boolean;
  @Field(() => CalendarDate, { nullable: true }) decisionDate!: string | null;
  @Field(() => String, { nullable: true, description: 'GRANTED or REFUSED.' }) decision!: string | null;
  @Field(() => CalendarDate, { nullable: true }) appealPeriodEnds!: string | null;
  @Field(() => [BuildingPermitMissingDocument]) missingDocuments!: BuildingPermitMissingDocument[];
  @Field(() => BuildingPermitCaseOfficer, { nullable: true }) caseOfficer!: BuildingPermitCaseOfficer | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}
