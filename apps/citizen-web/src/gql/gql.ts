/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment AccessLogPage on AccessLogConnection {\n    groups {\n      day\n      readerKind\n      reader\n      things\n      reads\n      purposes\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n': typeof types.AccessLogPageFragmentDoc;
  '\n  query MoreAccessLog($first: Int!, $after: String!) {\n    me {\n      accessLog(first: $first, after: $after) {\n        ...AccessLogPage\n      }\n    }\n  }\n': typeof types.MoreAccessLogDocument;
  '\n  query CitizenPage($accessPage: Int!) {\n    me {\n      person {\n        personalNumber\n        statuses {\n          source\n          reference\n          title\n          state\n          label\n          updatedAt\n          dueDate\n          nextStep\n          action {\n            label\n            url\n          }\n          payment {\n            ocr\n            bankgiro\n            amountOre\n          }\n        }\n        sources {\n          plugin\n          department\n          state\n          asOf\n        }\n        cases {\n          id\n          reference\n          status\n          channel\n          createdAt\n          dueText\n          wakeDate\n          category {\n            name\n          }\n          answerGroup {\n            name\n          }\n          events {\n            type\n            at\n            citizenHeadline\n            message\n          }\n        }\n      }\n      accessLog(first: $accessPage) {\n        ...AccessLogPage\n      }\n      notificationPreference {\n        channel\n        email\n        phone\n      }\n      callbacks {\n        id\n        number\n        statusText\n      }\n    }\n    questionCategories {\n      key\n      name\n      description\n      answerGroupName\n    }\n  }\n': typeof types.CitizenPageDocument;
  '\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      reference\n      caseId\n      categoryName\n      answerGroupName\n      answerByText\n    }\n  }\n': typeof types.AskQuestionDocument;
  '\n  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String, $phone: String) {\n    setNotificationPreference(channel: $channel, email: $email, phone: $phone) {\n      channel\n      email\n      phone\n    }\n  }\n': typeof types.SetNotificationPreferenceDocument;
  '\n  fragment PowerShown on PowerOfAttorneyInfo {\n    id\n    principalPersonalNumber\n    agentPersonalNumber\n    departments\n    allOpenDepartments\n    validFrom\n    validTo\n    state\n  }\n': typeof types.PowerShownFragmentDoc;
  '\n  query CitizenRepresentation {\n    me {\n      childrenInCustody {\n        personalNumber\n        birthDate\n      }\n      powersGiven {\n        ...PowerShown\n      }\n      powersReceived {\n        ...PowerShown\n      }\n    }\n  }\n': typeof types.CitizenRepresentationDocument;
  '\n  query OnBehalfMatters($personalNumber: String!) {\n    person(personalNumber: $personalNumber) {\n      personalNumber\n      protectedIdentity\n      statuses {\n        source\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        action {\n          label\n          url\n        }\n        payment {\n          ocr\n          bankgiro\n          amountOre\n        }\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        reason\n      }\n    }\n  }\n': typeof types.OnBehalfMattersDocument;
  '\n  mutation RequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      id\n      number\n      statusText\n    }\n  }\n': typeof types.RequestCallbackDocument;
  '\n  mutation ReportPupilSick($key: String!, $input: PupilSickReportInput!) {\n    reportPupilSick(idempotencyKey: $key, input: $input) {\n      registered\n      label\n      absence {\n        absenceId\n        date\n        partOfDayLabel\n      }\n    }\n  }\n': typeof types.ReportPupilSickDocument;
};
const documents: Documents = {
  '\n  fragment AccessLogPage on AccessLogConnection {\n    groups {\n      day\n      readerKind\n      reader\n      things\n      reads\n      purposes\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n':
    types.AccessLogPageFragmentDoc,
  '\n  query MoreAccessLog($first: Int!, $after: String!) {\n    me {\n      accessLog(first: $first, after: $after) {\n        ...AccessLogPage\n      }\n    }\n  }\n':
    types.MoreAccessLogDocument,
  '\n  query CitizenPage($accessPage: Int!) {\n    me {\n      person {\n        personalNumber\n        statuses {\n          source\n          reference\n          title\n          state\n          label\n          updatedAt\n          dueDate\n          nextStep\n          action {\n            label\n            url\n          }\n          payment {\n            ocr\n            bankgiro\n            amountOre\n          }\n        }\n        sources {\n          plugin\n          department\n          state\n          asOf\n        }\n        cases {\n          id\n          reference\n          status\n          channel\n          createdAt\n          dueText\n          wakeDate\n          category {\n            name\n          }\n          answerGroup {\n            name\n          }\n          events {\n            type\n            at\n            citizenHeadline\n            message\n          }\n        }\n      }\n      accessLog(first: $accessPage) {\n        ...AccessLogPage\n      }\n      notificationPreference {\n        channel\n        email\n        phone\n      }\n      callbacks {\n        id\n        number\n        statusText\n      }\n    }\n    questionCategories {\n      key\n      name\n      description\n      answerGroupName\n    }\n  }\n':
    types.CitizenPageDocument,
  '\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      reference\n      caseId\n      categoryName\n      answerGroupName\n      answerByText\n    }\n  }\n':
    types.AskQuestionDocument,
  '\n  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String, $phone: String) {\n    setNotificationPreference(channel: $channel, email: $email, phone: $phone) {\n      channel\n      email\n      phone\n    }\n  }\n':
    types.SetNotificationPreferenceDocument,
  '\n  fragment PowerShown on PowerOfAttorneyInfo {\n    id\n    principalPersonalNumber\n    agentPersonalNumber\n    departments\n    allOpenDepartments\n    validFrom\n    validTo\n    state\n  }\n':
    types.PowerShownFragmentDoc,
  '\n  query CitizenRepresentation {\n    me {\n      childrenInCustody {\n        personalNumber\n        birthDate\n      }\n      powersGiven {\n        ...PowerShown\n      }\n      powersReceived {\n        ...PowerShown\n      }\n    }\n  }\n':
    types.CitizenRepresentationDocument,
  '\n  query OnBehalfMatters($personalNumber: String!) {\n    person(personalNumber: $personalNumber) {\n      personalNumber\n      protectedIdentity\n      statuses {\n        source\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        action {\n          label\n          url\n        }\n        payment {\n          ocr\n          bankgiro\n          amountOre\n        }\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        reason\n      }\n    }\n  }\n':
    types.OnBehalfMattersDocument,
  '\n  mutation RequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      id\n      number\n      statusText\n    }\n  }\n':
    types.RequestCallbackDocument,
  '\n  mutation ReportPupilSick($key: String!, $input: PupilSickReportInput!) {\n    reportPupilSick(idempotencyKey: $key, input: $input) {\n      registered\n      label\n      absence {\n        absenceId\n        date\n        partOfDayLabel\n      }\n    }\n  }\n':
    types.ReportPupilSickDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AccessLogPage on AccessLogConnection {\n    groups {\n      day\n      readerKind\n      reader\n      things\n      reads\n      purposes\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n',
): (typeof documents)['\n  fragment AccessLogPage on AccessLogConnection {\n    groups {\n      day\n      readerKind\n      reader\n      things\n      reads\n      purposes\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query MoreAccessLog($first: Int!, $after: String!) {\n    me {\n      accessLog(first: $first, after: $after) {\n        ...AccessLogPage\n      }\n    }\n  }\n',
): (typeof documents)['\n  query MoreAccessLog($first: Int!, $after: String!) {\n    me {\n      accessLog(first: $first, after: $after) {\n        ...AccessLogPage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CitizenPage($accessPage: Int!) {\n    me {\n      person {\n        personalNumber\n        statuses {\n          source\n          reference\n          title\n          state\n          label\n          updatedAt\n          dueDate\n          nextStep\n          action {\n            label\n            url\n          }\n          payment {\n            ocr\n            bankgiro\n            amountOre\n          }\n        }\n        sources {\n          plugin\n          department\n          state\n          asOf\n        }\n        cases {\n          id\n          reference\n          status\n          channel\n          createdAt\n          dueText\n          wakeDate\n          category {\n            name\n          }\n          answerGroup {\n            name\n          }\n          events {\n            type\n            at\n            citizenHeadline\n            message\n          }\n        }\n      }\n      accessLog(first: $accessPage) {\n        ...AccessLogPage\n      }\n      notificationPreference {\n        channel\n        email\n        phone\n      }\n      callbacks {\n        id\n        number\n        statusText\n      }\n    }\n    questionCategories {\n      key\n      name\n      description\n      answerGroupName\n    }\n  }\n',
): (typeof documents)['\n  query CitizenPage($accessPage: Int!) {\n    me {\n      person {\n        personalNumber\n        statuses {\n          source\n          reference\n          title\n          state\n          label\n          updatedAt\n          dueDate\n          nextStep\n          action {\n            label\n            url\n          }\n          payment {\n            ocr\n            bankgiro\n            amountOre\n          }\n        }\n        sources {\n          plugin\n          department\n          state\n          asOf\n        }\n        cases {\n          id\n          reference\n          status\n          channel\n          createdAt\n          dueText\n          wakeDate\n          category {\n            name\n          }\n          answerGroup {\n            name\n          }\n          events {\n            type\n            at\n            citizenHeadline\n            message\n          }\n        }\n      }\n      accessLog(first: $accessPage) {\n        ...AccessLogPage\n      }\n      notificationPreference {\n        channel\n        email\n        phone\n      }\n      callbacks {\n        id\n        number\n        statusText\n      }\n    }\n    questionCategories {\n      key\n      name\n      description\n      answerGroupName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      reference\n      caseId\n      categoryName\n      answerGroupName\n      answerByText\n    }\n  }\n',
): (typeof documents)['\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      reference\n      caseId\n      categoryName\n      answerGroupName\n      answerByText\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String, $phone: String) {\n    setNotificationPreference(channel: $channel, email: $email, phone: $phone) {\n      channel\n      email\n      phone\n    }\n  }\n',
): (typeof documents)['\n  mutation SetNotificationPreference($channel: NotificationChannel!, $email: String, $phone: String) {\n    setNotificationPreference(channel: $channel, email: $email, phone: $phone) {\n      channel\n      email\n      phone\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment PowerShown on PowerOfAttorneyInfo {\n    id\n    principalPersonalNumber\n    agentPersonalNumber\n    departments\n    allOpenDepartments\n    validFrom\n    validTo\n    state\n  }\n',
): (typeof documents)['\n  fragment PowerShown on PowerOfAttorneyInfo {\n    id\n    principalPersonalNumber\n    agentPersonalNumber\n    departments\n    allOpenDepartments\n    validFrom\n    validTo\n    state\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CitizenRepresentation {\n    me {\n      childrenInCustody {\n        personalNumber\n        birthDate\n      }\n      powersGiven {\n        ...PowerShown\n      }\n      powersReceived {\n        ...PowerShown\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CitizenRepresentation {\n    me {\n      childrenInCustody {\n        personalNumber\n        birthDate\n      }\n      powersGiven {\n        ...PowerShown\n      }\n      powersReceived {\n        ...PowerShown\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OnBehalfMatters($personalNumber: String!) {\n    person(personalNumber: $personalNumber) {\n      personalNumber\n      protectedIdentity\n      statuses {\n        source\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        action {\n          label\n          url\n        }\n        payment {\n          ocr\n          bankgiro\n          amountOre\n        }\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        reason\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OnBehalfMatters($personalNumber: String!) {\n    person(personalNumber: $personalNumber) {\n      personalNumber\n      protectedIdentity\n      statuses {\n        source\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        action {\n          label\n          url\n        }\n        payment {\n          ocr\n          bankgiro\n          amountOre\n        }\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        reason\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      id\n      number\n      statusText\n    }\n  }\n',
): (typeof documents)['\n  mutation RequestCallback($input: RequestCallbackInput!) {\n    requestCallback(input: $input) {\n      id\n      number\n      statusText\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReportPupilSick($key: String!, $input: PupilSickReportInput!) {\n    reportPupilSick(idempotencyKey: $key, input: $input) {\n      registered\n      label\n      absence {\n        absenceId\n        date\n        partOfDayLabel\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReportPupilSick($key: String!, $input: PupilSickReportInput!) {\n    reportPupilSick(idempotencyKey: $key, input: $input) {\n      registered\n      label\n      absence {\n        absenceId\n        date\n        partOfDayLabel\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
