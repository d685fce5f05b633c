import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'A home-care service (insats), e.g. Personlig omvårdnad.' })
export class HomeCareService {
  @Field({ description: 'The home-care system’s code, e.g. PERSONAL_CARE.' }) code!: string;
  @Field({ description: 'Swedish, e.g. Personlig omvårdnad.' }) label!: string;
}

@ObjectType({ description: 'The home-care team that makes the visits: how to reach it.' })
export class HomeCareTeam {
  @Field() name!: string;
  @Field({ description: 'The team’s phone number (the team’s, not the person’s).' }) phone!: string;
}

@ObjectType({ description: 'A decision on home care (biståndsbeslut), or the application for it.' })
export class HomeCareDecision {
  @Field() decisionId!: string;
  @Field({ description: 'The home-care system’s own state code.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Beviljad.' }) label!: string;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => CalendarDate, { nullable: true }) validFrom!: string | null;
  @Field(() => CalendarDate, { nullable: true }) validTo!: string | null;
  @Field(() => [HomeCareService], { description: 'Granted, or applied for while not yet decided.' })
  services!: HomeCareService[];
  @Field(() => HomeCareTeam, { nullable: true }) team!: HomeCareTeam | null;
}

@ObjectType({ description: 'A planned home-care visit: its day and time window.' })
export class HomeCareVisit {
  @Field({ description: 'Quote it to change or cancel the visit.' }) visitId!: string;
  @Field(() => CalendarDate) date!: string;
  @Field({ description: 'Start of the window, HH:MM.' }) from!: string;
  @Field({ description: 'End of the window, HH:MM.' }) to!: string;
  @Field({ description: 'Swedish, e.g. "onsdag 25 november kl. 08.00–08.45".' }) window!: string;
  @Field(() => [HomeCareService]) services!: HomeCareService[];
  @Field(() => HomeCareTeam, { nullable: true }) team!: HomeCareTeam | null;
}

@ObjectType({ description: 'A change the contact center asked the home-care team for.' })
export class HomeCareChangeRequest {
  @Field() requestId!: string;
  @Field({ description: 'CHANGE_VISIT_TIME, CANCEL_VISIT, PAUSE_VISITS or MESSAGE.' }) kind!: string;
  @Field({ description: 'Swedish, e.g. Uppehåll i besöken.' }) kindLabel!: string;
  @Field({ description: 'Swedish summary of what was asked.' }) summary!: string;
  @Field() message!: string;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field({ description: 'Swedish state, e.g. "Mottagen, hemtjänstgruppen hanterar den".' })
  stateLabel!: string;
}

@ObjectType({
  description: 'Home care (hemtjänst): decisions, the next visits, the team and change requests.',
})
export class HomeCare {
  @Field(() => [HomeCareDecision]) decisions!: HomeCareDecision[];
  @Field(() => [HomeCareVisit], { description: 'The next planned visits, soonest first (at most 6).' })
  nextVisits!: HomeCareVisit[];
  @Field(() => HomeCareTeam, { nullable: true, description: 'The team of the home care in force.' })
  team!: HomeCareTeam | null;
  @Field(() => [HomeCareChangeRequest]) changeRequests!: HomeCareChangeRequest[];
}

@InputType({
  description: 'A change to someone’s home care: a visit’s time, a cancelled visit, a pause, or a message.',
})
export class HomeCareChangeInput {
  @Field({ description: 'Personal number of the person who has home care (12 digits).' })
  personalNumber!: string;
  @Field({ description: 'CHANGE_VISIT_TIME, CANCEL_VISIT, PAUSE_VISITS or MESSAGE.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The visit to change or cancel.' })
  visitId?: string | null;
  @Field(() => String, { nullable: true, description: 'Wished new start, HH:MM (CHANGE_VISIT_TIME).' })
  wishedFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Wished new end, HH:MM (CHANGE_VISIT_TIME).' })
  wishedTo?: string | null;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'First day without visits (PAUSE_VISITS), e.g. in hospital.',
  })
  pauseFrom?: string | null;
  @Field(() => CalendarDate, { nullable: true, description: 'Last day without visits (PAUSE_VISITS).' })
  pauseTo?: string | null;
  @Field({ description: 'Free text for the team, e.g. "Ligger på lasarettet, anhörig hör av sig".' })
  message!: string;
}

@ObjectType({ description: 'What the home-care system said to a change request.' })
export class HomeCareChangeReceipt {
  @Field({ description: 'Whether the system took the request.' }) accepted!: boolean;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field({ description: 'Swedish, read aloud: what was taken, or why not.' }) label!: string;
}
