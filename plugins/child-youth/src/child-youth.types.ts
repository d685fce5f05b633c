import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { CalendarDate, StatusState } from '@frontdoor/plugin-sdk';

@ObjectType({ description: 'The child’s handläggare at Barn och unga: how to reach them at work.' })
export class ChildYouthCaseOfficer {
  @Field() name!: string;
  @Field({ description: 'The officer’s work phone.' }) phone!: string;
  @Field({ description: 'Swedish, e.g. "tisdag och torsdag 9–10".' }) phoneHours!: string;
}

@ObjectType({ description: 'An investigation (utredning) about the child.' })
export class ChildYouthInvestigation {
  @Field() investigationId!: string;
  @Field({ description: 'The system’s state code: STARTED, ONGOING, EXTENDED, CLOSED.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Pågår.' }) label!: string;
  @Field(() => CalendarDate) startedOn!: string;
  @Field(() => CalendarDate, { description: 'When it must be finished (four months unless extended).' })
  dueOn!: string;
  @Field(() => CalendarDate, { nullable: true }) closedOn!: string | null;
}

@ObjectType({ description: 'A support (insats) for the child: kontaktperson, familjebehandling …' })
export class ChildYouthIntervention {
  @Field() interventionId!: string;
  @Field({ description: 'The system’s code, e.g. CONTACT_PERSON.' }) kind!: string;
  @Field({ description: 'Swedish, e.g. Kontaktperson.' }) kindLabel!: string;
  @Field({ description: 'GRANTED, ENDED or REJECTED.' }) statusCode!: string;
  @Field(() => StatusState) state!: StatusState;
  @Field({ description: 'Swedish state, e.g. Beviljad.' }) label!: string;
  @Field(() => CalendarDate, { nullable: true }) decidedOn!: string | null;
  @Field(() => CalendarDate, { nullable: true }) validTo!: string | null;
}

@ObjectType({ description: 'A callback the contact center asked the case officer for.' })
export class ChildYouthCallbackRequest {
  @Field() requestId!: string;
  @Field() callbackNumber!: string;
  @Field() message!: string;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field({ description: 'Swedish, e.g. "Mottagen, handläggaren ringer upp".' }) stateLabel!: string;
}

@ObjectType({
  description:
    'Barn och unga (social services for children): investigations, supports, the case officer and callbacks.',
})
export class ChildYouth {
  @Field(() => ChildYouthCaseOfficer, { nullable: true }) caseOfficer!: ChildYouthCaseOfficer | null;
  @Field(() => [ChildYouthInvestigation]) investigations!: ChildYouthInvestigation[];
  @Field(() => [ChildYouthIntervention]) interventions!: ChildYouthIntervention[];
  @Field(() => [ChildYouthCallbackRequest], { description: 'Newest first.' })
  callbackRequests!: ChildYouthCallbackRequest[];
}

@ObjectType({ description: 'Who carries out a support: a contact family’s home says where the child stays.' })
export class ChildYouthProvider {
  @Field() name!: string;
  @Field() street!: string;
  @Field() postalCode!: string;
  @Field() city!: string;
}

@ObjectType({ description: 'A decision on a support with its grounds (motivering) and provider.' })
export class ChildYouthDecision {
  @Field() interventionId!: string;
  @Field({ description: 'Swedish, e.g. Kontaktfamilj.' }) kindLabel!: string;
  @Field({ description: 'Swedish state, e.g. Beviljad.' }) label!: string;
  @Field(() => CalendarDate, { nullable: true }) decidedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The grounds of the decision.' })
  decisionReason!: string | null;
  @Field(() => ChildYouthProvider, { nullable: true }) provider!: ChildYouthProvider | null;
}

@ObjectType({
  description: 'The decisions on the child’s supports with their grounds: secret beyond the status.',
})
export class ChildYouthDecisions {
  @Field(() => [ChildYouthDecision]) decisions!: ChildYouthDecision[];
}

@InputType({ description: 'Ask the child’s case officer to call back.' })
export class ChildYouthCallbackInput {
  @Field({ description: 'The child’s personal number (12 digits).' }) personalNumber!: string;
  @Field({ description: 'The number to call, e.g. 070-123 45 67.' }) callbackNumber!: string;
  @Field({ description: 'What the call is about, briefly (3–500 characters).' }) message!: string;
}

@ObjectType({ description: 'What the social-services system said to a callback request.' })
export class ChildYouthCallbackReceipt {
  @Field({ description: 'Whether the system took the request.' }) accepted!: boolean;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field({ description: 'Swedish, read aloud: what was taken, or why not.' }) label!: string;
}
