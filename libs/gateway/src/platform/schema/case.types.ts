import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseEventType, CaseStatus, ContactChannel, ContactReason, PreferredContact } from '@frontdoor/core';
import { CalendarDate } from '@frontdoor/plugin-sdk';

registerEnumType(ContactChannel, {
  name: 'ContactChannel',
  description: 'How the citizen got in touch (kontaktväg).',
});
registerEnumType(ContactReason, {
  name: 'ContactReason',
  description:
    'Why the citizen got in touch (kontaktorsak): a status question in a category a department system answers counts as avoidable (decision 0086).',
});
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description:
    'OPEN at the first line, FORWARDED to an answer group, WAITING_FOR_CUSTOMER (the SLA clock stands still), CLOSED.',
});
registerEnumType(CaseEventType, { name: 'CaseEventType' });
registerEnumType(PreferredContact, {
  name: 'PreferredContact',
  description: 'How the citizen wants to be contacted back (återkontakt).',
});

@InputType({
  description: 'How the answer group reaches the citizen: a Swedish phone number, an e-mail, or both.',
})
export class CallbackContactInput {
  @Field(() => String, {
    nullable: true,
    description: 'A Swedish number as typed (070-123 45 67, +46 70 …); stored in E.164.',
  })
  phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => PreferredContact, { nullable: true, description: 'Defaults to PHONE when a number is given.' })
  preferred?: PreferredContact | null;
}

@ObjectType({
  description:
    'Callback details (personal data: every read is audited; "Skyddad uppgift" for a protected person unless the reader is cleared).',
})
export class CaseContact {
  @Field(() => String, { nullable: true, description: 'E.164, e.g. +46701234567.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'As Swedes write it, e.g. 070-123 45 67.' })
  phoneText!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => PreferredContact, { nullable: true }) preferred!: PreferredContact | null;
  @Field(() => String, { nullable: true, description: 'The case the details were taken from (prefill).' })
  fromReference?: string | null;
}

@ObjectType({ description: 'Who the citizen on a case is, for those who handle it.' })
export class CasePerson {
  @Field() personalNumber!: string;
  @Field(() => String, {
    nullable: true,
    description: 'From the population register; null when the register cannot say.',
  })
  name!: string | null;
  @Field({ description: 'Skyddade personuppgifter (fail closed when the register cannot say).' })
  protectedIdentity!: boolean;
}

@ObjectType({ description: 'A case category with its service goal.' })
export class CaseCategoryInfo {
  @Field() key!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'Working days a forwarded case may stay open.' }) slaWorkingDays!: number;
  @Field({ description: 'Sekretessärende: only its answer group sees it in lists.' }) confidential!: boolean;
}

@ObjectType({ description: 'An answer group (svarsgrupp).' })
export class AnswerGroupInfo {
  @Field() key!: string;
  @Field() name!: string;
  @Field() department!: string;
}

@ObjectType({ description: 'Something that happened to a case: the parcel-tracking view.' })
export class CaseEventInfo {
  @Field(() => CaseEventType) type!: CaseEventType;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => String, { nullable: true, description: 'Hidden from citizens unless configured.' })
  actorName!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Staff: the staff text (never shown to the citizen). A citizen: only text written for them (citizenMessage).',
  })
  message!: string | null;
  @Field({ description: 'Internal events (notes, assignment, alarms) are never shown to citizens.' })
  internal!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The fixed Swedish line the citizen sees for this event on Mina ärenden; null when they do not see it.',
  })
  citizenHeadline!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Text written for the citizen ("Syns för invånaren"; a reply; their own question), shown under citizenHeadline.',
  })
  citizenMessage!: string | null;
}

@ObjectType({ description: 'What the citizen will see of an event not yet saved: the console’s preview.' })
export class CitizenEventPreview {
  @Field({ description: 'The fixed line, as Mina ärenden shows it.' }) headline!: string;
  @Field(() => String, { nullable: true, description: 'The citizen text as it will be shown (trimmed).' })
  message!: string | null;
}

@ObjectType({ description: 'A case (ärende): one contact and what followed from it.' })
export class CaseInfo {
  @Field(() => ID) id!: string;
  @Field({ description: 'What the citizen quotes, e.g. FD-2026-4F7K2Q.' }) reference!: string;
  @Field(() => ContactChannel) channel!: ContactChannel;
  @Field(() => CaseCategoryInfo) category!: CaseCategoryInfo;
  @Field(() => CaseStatus) status!: CaseStatus;
  @Field({
    description:
      'Staff: the first line’s summary. A citizen reading their own cases: the category’s name (staff text is not shown to them).',
  })
  summary!: string;
  @Field() resolvedAtFirstLine!: boolean;
  @Field(() => AnswerGroupInfo, { nullable: true }) answerGroup!: AnswerGroupInfo | null;
  @Field(() => String, { nullable: true }) assigneeSubject!: string | null;
  @Field(() => String, { nullable: true, description: 'The case officer’s display name.' })
  assigneeName!: string | null;
  @Field(() => Int, {
    description: 'Raised by every change; send it back with a change to get CONFLICT instead of overwriting.',
  })
  version!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'The instant the deadline ends: the midnight after its last day (Europe/Stockholm).',
  })
  dueAt!: Date | null;
  @Field(() => CalendarDate, { nullable: true, description: 'The last day of the deadline, in Sweden.' })
  dueDate!: string | null;
  @Field(() => String, { nullable: true, description: 'E.g. "senast fredag 4 december 2026".' })
  dueText!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'While open: "2 arbetsdagar kvar", "sista dagen i dag", "1 arbetsdag försenat".',
  })
  dueRemainingText!: string | null;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'WAITING_FOR_CUSTOMER: the date it wakes up by itself.',
  })
  wakeDate!: string | null;
  @Field({ description: 'Forwarded, not closed, and past its due time.' }) overdue!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Staff text; null for a citizen (what was written for them is in the timeline).',
  })
  resolution!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  /** Internal: loaded by the events field. */
  partyId!: string | null;
  /** Internal: the stored callback details, for the contact field. */
  stored?: { phone: string | null; email: string | null; preferred: string | null; registeredBy: string };
}

@ObjectType()
export class CaseEdge {
  @Field() cursor!: string;
  @Field(() => CaseInfo) node!: CaseInfo;
}

@ObjectType()
export class CasePageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType({ description: 'A page of cases, newest first.' })
export class CaseConnection {
  @Field(() => [CaseEdge]) edges!: CaseEdge[];
  @Field(() => CasePageInfo) pageInfo!: CasePageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class RegisterContactInput {
  @Field(() => ContactChannel) channel!: ContactChannel;
  @Field() categoryKey!: string;
  @Field({ nullable: true, description: 'The caller’s personal number, when known.' })
  personalNumber?: string;
  @Field() summary!: string;
  @Field({ defaultValue: false, description: 'True closes the case in the same call.' })
  resolvedAtFirstLine!: boolean;
  @Field({ nullable: true, description: 'The answer given, required when resolved at the first line.' })
  resolution?: string;
  @Field(() => CallbackContactInput, {
    nullable: true,
    description: 'How to reach the citizen (callback); see previousContact to prefill.',
  })
  contact?: CallbackContactInput | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The call the contact came in on (telephony): the contact log then links the call to this case.',
  })
  callId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The callback the contact came in on (one this user holds): the callback is then linked to this case.',
  })
  callbackId?: string | null;

  @Field(() => ContactReason, {
    nullable: true,
    description: 'Why the citizen got in touch; feeds the avoidable-contacts report.',
  })
  contactReason?: ContactReason | null;
}

@InputType()
export class CaseFilter {
  @Field(() => CaseStatus, { nullable: true }) status?: CaseStatus;
  @Field({ nullable: true }) answerGroupKey?: string;
  @Field({ nullable: true }) categoryKey?: string;
  @Field({ nullable: true }) overdue?: boolean;
  @Field({ nullable: true }) personalNumber?: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdFrom?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdTo?: Date;
}
