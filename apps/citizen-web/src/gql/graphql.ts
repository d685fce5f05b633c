/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who read, by kind: staff (handläggare, kundtjänst), a system, a representative (ombud), other. */
export type AccessReaderKind = 'OTHER' | 'REPRESENTATIVE' | 'STAFF' | 'SYSTEM';

/** A question asked on the web (Mina ärenden): it becomes an E_SERVICE case. */
export type AskQuestionInput = {
  categoryKey: string;
  /** How to be reached: an e-mail, a Swedish phone number, or both. */
  contact: CallbackContactInput;
  /** The question, at most 4000 characters. */
  question: string;
};

/** How the answer group reaches the citizen: a Swedish phone number, an e-mail, or both. */
export type CallbackContactInput = {
  email?: string | null | undefined;
  /** A Swedish number as typed (070-123 45 67, +46 70 …); stored in E.164. */
  phone?: string | null | undefined;
  /** Defaults to PHONE when a number is given. */
  preferred?: PreferredContact | null | undefined;
};

export type CaseEventType =
  | 'ASSIGNED'
  | 'CLOSED'
  | 'EMAIL_RECEIVED'
  | 'FORWARDED'
  | 'NOTE_ADDED'
  | 'PARKED'
  | 'REGISTERED'
  | 'REOPENED'
  | 'REPLIED'
  | 'RESOLVED_AT_FIRST_LINE'
  | 'RESUMED'
  | 'SLA_ALARM';

/** OPEN at the first line, FORWARDED to an answer group, WAITING_FOR_CUSTOMER (the SLA clock stands still), CLOSED. */
export type CaseStatus = 'CLOSED' | 'FORWARDED' | 'OPEN' | 'WAITING_FOR_CUSTOMER';

/** How the citizen got in touch (kontaktväg). */
export type ContactChannel = 'EMAIL' | 'E_SERVICE' | 'LETTER' | 'PHONE' | 'VISIT';

/** How a citizen hears that their case was answered, waits for them, or was closed. */
export type NotificationChannel = 'EMAIL' | 'MAILBOX' | 'NONE' | 'SMS';

/** Whether a power of attorney holds today (Europe/Stockholm): in force, not yet, ended, revoked. */
export type PowerOfAttorneyState = 'ACTIVE' | 'EXPIRED' | 'NOT_YET_VALID' | 'REVOKED';

/** How the citizen wants to be contacted back (återkontakt). */
export type PreferredContact = 'EMAIL' | 'PHONE';

/** A sick report (sjukanmälan) for a pupil, today or tomorrow. */
export type PupilSickReportInput = {
  /** Today or tomorrow (Europe/Stockholm), YYYY-MM-DD. */
  date: string;
  /** The reporting guardian’s personal number (12 digits); must have custody. */
  guardianPersonalNumber: string;
  /** FULL_DAY, MORNING or AFTERNOON. */
  partOfDay: string;
  /** The pupil’s personal number (12 digits). */
  pupilPersonalNumber: string;
};

export type RequestCallbackInput = {
  /** When you want us to call; null or absent: as soon as possible (only while we are open). */
  callAt?: string | null | undefined;
  /** Your Swedish phone number. */
  number: string;
};

/** How a department system’s part of an answer was obtained. */
export type SourceState = 'FAILED' | 'OK' | 'STALE' | 'WITHHELD';

/** The shared lifecycle every department’s matters are mapped onto. See docs/status-model.md. */
export type StatusState =
  'CANCELLED' | 'COMPLETED' | 'DECIDED' | 'IN_PROGRESS' | 'RECEIVED' | 'UNKNOWN' | 'WAITING_FOR_CUSTOMER';

export type AccessLogPageFragment = {
  groups: Array<{
    day: string;
    readerKind: AccessReaderKind;
    reader: string;
    things: Array<string>;
    reads: number;
    purposes: Array<string>;
  }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

export type MoreAccessLogQueryVariables = Exact<{
  first: number;
  after: string;
}>;

export type MoreAccessLogQuery = {
  me: {
    accessLog: {
      groups: Array<{
        day: string;
        readerKind: AccessReaderKind;
        reader: string;
        things: Array<string>;
        reads: number;
        purposes: Array<string>;
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
};

export type CitizenPageQueryVariables = Exact<{
  accessPage: number;
}>;

export type CitizenPageQuery = {
  me: {
    person: {
      personalNumber: string;
      statuses: Array<{
        source: string;
        reference: string;
        title: string;
        state: StatusState;
        label: string;
        updatedAt: string | null;
        dueDate: string | null;
        nextStep: string | null;
        action: { label: string; url: string } | null;
        payment: { ocr: string; bankgiro: string; amountOre: number } | null;
      }>;
      sources: Array<{ plugin: string; department: string; state: SourceState; asOf: string | null }>;
      cases: Array<{
        id: string;
        reference: string;
        status: CaseStatus;
        channel: ContactChannel;
        createdAt: string;
        dueText: string | null;
        wakeDate: string | null;
        category: { name: string };
        answerGroup: { name: string } | null;
        events: Array<{
          type: CaseEventType;
          at: string;
          citizenHeadline: string | null;
          message: string | null;
        }>;
      }>;
    };
    accessLog: {
      groups: Array<{
        day: string;
        readerKind: AccessReaderKind;
        reader: string;
        things: Array<string>;
        reads: number;
        purposes: Array<string>;
      }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    notificationPreference: { channel: NotificationChannel; email: string | null; phone: string | null };
    callbacks: Array<{ id: string; number: string; statusText: string }>;
  };
  questionCategories: Array<{
    key: string;
    name: string;
    description: string | null;
    answerGroupName: string;
  }>;
};

export type AskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;

export type AskQuestionMutation = {
  askQuestion: {
    reference: string;
    caseId: string;
    categoryName: string;
    answerGroupName: string;
    answerByText: string;
  };
};

export type SetNotificationPreferenceMutationVariables = Exact<{
  channel: NotificationChannel;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}>;

export type SetNotificationPreferenceMutation = {
  setNotificationPreference: { channel: NotificationChannel; email: string | null; phone: string | null };
};

export type PowerShownFragment = {
  id: string;
  principalPersonalNumber: string;
  agentPersonalNumber: string;
  departments: Array<string>;
  allOpenDepartments: boolean;
  validFrom: string;
  validTo: string | null;
  state: PowerOfAttorneyState;
};

export type CitizenRepresentationQueryVariables = Exact<{ [key: string]: never }>;

export type CitizenRepresentationQuery = {
  me: {
    childrenInCustody: Array<{ personalNumber: string; birthDate: string }>;
    powersGiven: Array<{
      id: string;
      principalPersonalNumber: string;
      agentPersonalNumber: string;
      departments: Array<string>;
      allOpenDepartments: boolean;
      validFrom: string;
      validTo: string | null;
      state: PowerOfAttorneyState;
    }>;
    powersReceived: Array<{
      id: string;
      principalPersonalNumber: string;
      agentPersonalNumber: string;
      departments: Array<string>;
      allOpenDepartments: boolean;
      validFrom: string;
      validTo: string | null;
      state: PowerOfAttorneyState;
    }>;
  };
};

export type OnBehalfMattersQueryVariables = Exact<{
  personalNumber: string;
}>;

export type OnBehalfMattersQuery = {
  person: {
    personalNumber: string;
    protectedIdentity: boolean;
    statuses: Array<{
      source: string;
      reference: string;
      title: string;
      state: StatusState;
      label: string;
      updatedAt: string | null;
      dueDate: string | null;
      nextStep: string | null;
      action: { label: string; url: string } | null;
      payment: { ocr: string; bankgiro: string; amountOre: number } | null;
    }>;
    sources: Array<{
      plugin: string;
      department: string;
      state: SourceState;
      asOf: string | null;
      reason: string | null;
    }>;
  } | null;
};

export type RequestCallbackMutationVariables = Exact<{
  input: RequestCallbackInput;
}>;

export type RequestCallbackMutation = { requestCallback: { id: string; number: string; statusText: string } };

export type ReportPupilSickMutationVariables = Exact<{
  key: string;
  input: PupilSickReportInput;
}>;

export type ReportPupilSickMutation = {
  reportPupilSick: {
    registered: boolean;
    label: string;
    absence: { absenceId: string; date: string; partOfDayLabel: string } | null;
  };
};

export const AccessLogPageFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AccessLogPage' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AccessLogConnection' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'groups' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readerKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reader' } },
                { kind: 'Field', name: { kind: 'Name', value: 'things' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reads' } },
                { kind: 'Field', name: { kind: 'Name', value: 'purposes' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pageInfo' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AccessLogPageFragment, unknown>;
export const PowerShownFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PowerShown' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PowerOfAttorneyInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'principalPersonalNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'agentPersonalNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'departments' } },
          { kind: 'Field', name: { kind: 'Name', value: 'allOpenDepartments' } },
          { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PowerShownFragment, unknown>;
export const MoreAccessLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MoreAccessLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'accessLog' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AccessLogPage' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AccessLogPage' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AccessLogConnection' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'groups' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readerKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reader' } },
                { kind: 'Field', name: { kind: 'Name', value: 'things' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reads' } },
                { kind: 'Field', name: { kind: 'Name', value: 'purposes' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pageInfo' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MoreAccessLogQuery, MoreAccessLogQueryVariables>;
export const CitizenPageDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CitizenPage' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'accessPage' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'personalNumber' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'statuses' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dueDate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'nextStep' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'action' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'payment' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'ocr' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'bankgiro' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'amountOre' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'sources' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'plugin' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'cases' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dueText' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'wakeDate' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'category' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'answerGroup' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'events' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'citizenHeadline' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'message' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'accessLog' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'accessPage' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AccessLogPage' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'notificationPreference' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'callbacks' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'statusText' } },
                    ],
                  },
                },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'questionCategories' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answerGroupName' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AccessLogPage' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AccessLogConnection' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'groups' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readerKind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reader' } },
                { kind: 'Field', name: { kind: 'Name', value: 'things' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reads' } },
                { kind: 'Field', name: { kind: 'Name', value: 'purposes' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'pageInfo' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CitizenPageQuery, CitizenPageQueryVariables>;
export const AskQuestionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AskQuestion' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AskQuestionInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'askQuestion' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'caseId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'categoryName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answerGroupName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answerByText' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AskQuestionMutation, AskQuestionMutationVariables>;
export const SetNotificationPreferenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetNotificationPreference' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'channel' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'NotificationChannel' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'phone' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setNotificationPreference' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'channel' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'channel' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'email' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'phone' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'phone' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'phone' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const CitizenRepresentationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CitizenRepresentation' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'childrenInCustody' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'personalNumber' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'birthDate' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'powersGiven' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PowerShown' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'powersReceived' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'PowerShown' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PowerShown' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'PowerOfAttorneyInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'principalPersonalNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'agentPersonalNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'departments' } },
          { kind: 'Field', name: { kind: 'Name', value: 'allOpenDepartments' } },
          { kind: 'Field', name: { kind: 'Name', value: 'validFrom' } },
          { kind: 'Field', name: { kind: 'Name', value: 'validTo' } },
          { kind: 'Field', name: { kind: 'Name', value: 'state' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CitizenRepresentationQuery, CitizenRepresentationQueryVariables>;
export const OnBehalfMattersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OnBehalfMatters' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'personalNumber' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'person' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'personalNumber' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'personalNumber' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'personalNumber' } },
                { kind: 'Field', name: { kind: 'Name', value: 'protectedIdentity' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'statuses' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'updatedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dueDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nextStep' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'action' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'payment' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'ocr' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'bankgiro' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'amountOre' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sources' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'plugin' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'department' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'asOf' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OnBehalfMattersQuery, OnBehalfMattersQueryVariables>;
export const RequestCallbackDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestCallback' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'RequestCallbackInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestCallback' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'number' } },
                { kind: 'Field', name: { kind: 'Name', value: 'statusText' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestCallbackMutation, RequestCallbackMutationVariables>;
export const ReportPupilSickDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReportPupilSick' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'key' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PupilSickReportInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportPupilSick' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'idempotencyKey' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'key' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'registered' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'absence' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'absenceId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'date' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'partOfDayLabel' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportPupilSickMutation, ReportPupilSickMutationVariables>;
