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
    "\n  fragment CaseState on CaseInfo {\n    id\n    status\n    overdue\n    resolution\n    assigneeSubject\n    events {\n      type\n      at\n      actorName\n      message\n      internal\n    }\n  }\n": typeof types.CaseStateFragmentDoc,
    "\n  query CaseView($id: ID!) {\n    case(id: $id) {\n      ...CaseState\n      reference\n      channel\n      summary\n      dueAt\n      category {\n        name\n      }\n      answerGroup {\n        name\n      }\n      suggestedArticles {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CaseViewDocument,
    "\n  mutation ReplyToCitizen($caseId: ID!, $text: String!) {\n    replyToCitizen(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n": typeof types.ReplyToCitizenDocument,
    "\n  mutation AddCaseNote($caseId: ID!, $text: String!) {\n    addCaseNote(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n": typeof types.AddCaseNoteDocument,
    "\n  mutation CloseCase($caseId: ID!, $resolution: String!) {\n    closeCase(caseId: $caseId, resolution: $resolution) {\n      ...CaseState\n    }\n  }\n": typeof types.CloseCaseDocument,
    "\n  mutation AssignCase($caseId: ID!) {\n    assignCase(caseId: $caseId) {\n      ...CaseState\n    }\n  }\n": typeof types.AssignCaseDocument,
    "\n  query CategoryArticles($categoryKey: String!) {\n    knowledgeArticles(categoryKey: $categoryKey) {\n      id\n      title\n      body\n      checklist\n      routing\n    }\n  }\n": typeof types.CategoryArticlesDocument,
    "\n  mutation RegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      id\n      reference\n      status\n      summary\n      createdAt\n      overdue\n      category {\n        name\n      }\n    }\n  }\n": typeof types.RegisterContactDocument,
    "\n  mutation ForwardCase($caseId: ID!, $answerGroupKey: String!, $message: String!) {\n    forwardCase(caseId: $caseId, answerGroupKey: $answerGroupKey, message: $message) {\n      id\n      reference\n      status\n      dueAt\n      answerGroup {\n        key\n        name\n      }\n    }\n  }\n": typeof types.ForwardCaseDocument,
    "\n  query PersonView($personalNumber: String!, $purpose: String) {\n    person(personalNumber: $personalNumber, purpose: $purpose) {\n      personalNumber\n      protectedIdentity\n      populationRecord {\n        givenName\n        surname\n        protectedRegistration\n        confidentialityMarking\n        address {\n          street\n          postalCode\n          city\n        }\n      }\n      statuses {\n        source\n        kind\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        asOf\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        errorCode\n        reason\n      }\n      cases {\n        id\n        reference\n        status\n        summary\n        createdAt\n        overdue\n        category {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PersonViewDocument,
    "\n  query PropertyView($address: String!) {\n    property(address: $address) {\n      propertyId\n      address\n      postalCode\n      city\n      dataAsOf\n      bins {\n        binId\n        label\n        intervalLabel\n        sizeLiters\n        nextPickup\n      }\n    }\n  }\n": typeof types.PropertyViewDocument,
    "\n  query Queue($answerGroupKey: String!) {\n    overdue: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: true }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n    inTime: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: false }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n  }\n  fragment QueueCase on CaseInfo {\n    id\n    reference\n    summary\n    status\n    overdue\n    dueAt\n    createdAt\n    assigneeSubject\n    category {\n      name\n    }\n  }\n": typeof types.QueueDocument,
    "\n  query ServiceStatistics($f0: Date!, $t0: Date!, $f1: Date!, $t1: Date!, $f2: Date!, $t2: Date!, $f3: Date!, $t3: Date!, $f4: Date!, $t4: Date!, $f5: Date!, $t5: Date!) {\n    m0: serviceStatistics(from: $f0, to: $t0) {\n      ...MonthFigures\n      categoryRanking {\n        categoryKey\n        name\n        count\n        share\n      }\n    }\n    m1: serviceStatistics(from: $f1, to: $t1) {\n      ...MonthFigures\n    }\n    m2: serviceStatistics(from: $f2, to: $t2) {\n      ...MonthFigures\n    }\n    m3: serviceStatistics(from: $f3, to: $t3) {\n      ...MonthFigures\n    }\n    m4: serviceStatistics(from: $f4, to: $t4) {\n      ...MonthFigures\n    }\n    m5: serviceStatistics(from: $f5, to: $t5) {\n      ...MonthFigures\n    }\n  }\n  fragment MonthFigures on ServiceStatisticsInfo {\n    from\n    to\n    contacts\n    resolvedAtFirstLine {\n      share\n      target\n      meetsTarget\n      basis\n    }\n    answeredInTime {\n      share\n      target\n      meetsTarget\n      basis\n    }\n  }\n": typeof types.ServiceStatisticsDocument,
};
const documents: Documents = {
    "\n  fragment CaseState on CaseInfo {\n    id\n    status\n    overdue\n    resolution\n    assigneeSubject\n    events {\n      type\n      at\n      actorName\n      message\n      internal\n    }\n  }\n": types.CaseStateFragmentDoc,
    "\n  query CaseView($id: ID!) {\n    case(id: $id) {\n      ...CaseState\n      reference\n      channel\n      summary\n      dueAt\n      category {\n        name\n      }\n      answerGroup {\n        name\n      }\n      suggestedArticles {\n        id\n        title\n      }\n    }\n  }\n": types.CaseViewDocument,
    "\n  mutation ReplyToCitizen($caseId: ID!, $text: String!) {\n    replyToCitizen(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n": types.ReplyToCitizenDocument,
    "\n  mutation AddCaseNote($caseId: ID!, $text: String!) {\n    addCaseNote(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n": types.AddCaseNoteDocument,
    "\n  mutation CloseCase($caseId: ID!, $resolution: String!) {\n    closeCase(caseId: $caseId, resolution: $resolution) {\n      ...CaseState\n    }\n  }\n": types.CloseCaseDocument,
    "\n  mutation AssignCase($caseId: ID!) {\n    assignCase(caseId: $caseId) {\n      ...CaseState\n    }\n  }\n": types.AssignCaseDocument,
    "\n  query CategoryArticles($categoryKey: String!) {\n    knowledgeArticles(categoryKey: $categoryKey) {\n      id\n      title\n      body\n      checklist\n      routing\n    }\n  }\n": types.CategoryArticlesDocument,
    "\n  mutation RegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      id\n      reference\n      status\n      summary\n      createdAt\n      overdue\n      category {\n        name\n      }\n    }\n  }\n": types.RegisterContactDocument,
    "\n  mutation ForwardCase($caseId: ID!, $answerGroupKey: String!, $message: String!) {\n    forwardCase(caseId: $caseId, answerGroupKey: $answerGroupKey, message: $message) {\n      id\n      reference\n      status\n      dueAt\n      answerGroup {\n        key\n        name\n      }\n    }\n  }\n": types.ForwardCaseDocument,
    "\n  query PersonView($personalNumber: String!, $purpose: String) {\n    person(personalNumber: $personalNumber, purpose: $purpose) {\n      personalNumber\n      protectedIdentity\n      populationRecord {\n        givenName\n        surname\n        protectedRegistration\n        confidentialityMarking\n        address {\n          street\n          postalCode\n          city\n        }\n      }\n      statuses {\n        source\n        kind\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        asOf\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        errorCode\n        reason\n      }\n      cases {\n        id\n        reference\n        status\n        summary\n        createdAt\n        overdue\n        category {\n          name\n        }\n      }\n    }\n  }\n": types.PersonViewDocument,
    "\n  query PropertyView($address: String!) {\n    property(address: $address) {\n      propertyId\n      address\n      postalCode\n      city\n      dataAsOf\n      bins {\n        binId\n        label\n        intervalLabel\n        sizeLiters\n        nextPickup\n      }\n    }\n  }\n": types.PropertyViewDocument,
    "\n  query Queue($answerGroupKey: String!) {\n    overdue: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: true }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n    inTime: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: false }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n  }\n  fragment QueueCase on CaseInfo {\n    id\n    reference\n    summary\n    status\n    overdue\n    dueAt\n    createdAt\n    assigneeSubject\n    category {\n      name\n    }\n  }\n": types.QueueDocument,
    "\n  query ServiceStatistics($f0: Date!, $t0: Date!, $f1: Date!, $t1: Date!, $f2: Date!, $t2: Date!, $f3: Date!, $t3: Date!, $f4: Date!, $t4: Date!, $f5: Date!, $t5: Date!) {\n    m0: serviceStatistics(from: $f0, to: $t0) {\n      ...MonthFigures\n      categoryRanking {\n        categoryKey\n        name\n        count\n        share\n      }\n    }\n    m1: serviceStatistics(from: $f1, to: $t1) {\n      ...MonthFigures\n    }\n    m2: serviceStatistics(from: $f2, to: $t2) {\n      ...MonthFigures\n    }\n    m3: serviceStatistics(from: $f3, to: $t3) {\n      ...MonthFigures\n    }\n    m4: serviceStatistics(from: $f4, to: $t4) {\n      ...MonthFigures\n    }\n    m5: serviceStatistics(from: $f5, to: $t5) {\n      ...MonthFigures\n    }\n  }\n  fragment MonthFigures on ServiceStatisticsInfo {\n    from\n    to\n    contacts\n    resolvedAtFirstLine {\n      share\n      target\n      meetsTarget\n      basis\n    }\n    answeredInTime {\n      share\n      target\n      meetsTarget\n      basis\n    }\n  }\n": types.ServiceStatisticsDocument,
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
export function graphql(source: "\n  fragment CaseState on CaseInfo {\n    id\n    status\n    overdue\n    resolution\n    assigneeSubject\n    events {\n      type\n      at\n      actorName\n      message\n      internal\n    }\n  }\n"): (typeof documents)["\n  fragment CaseState on CaseInfo {\n    id\n    status\n    overdue\n    resolution\n    assigneeSubject\n    events {\n      type\n      at\n      actorName\n      message\n      internal\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseView($id: ID!) {\n    case(id: $id) {\n      ...CaseState\n      reference\n      channel\n      summary\n      dueAt\n      category {\n        name\n      }\n      answerGroup {\n        name\n      }\n      suggestedArticles {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CaseView($id: ID!) {\n    case(id: $id) {\n      ...CaseState\n      reference\n      channel\n      summary\n      dueAt\n      category {\n        name\n      }\n      answerGroup {\n        name\n      }\n      suggestedArticles {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToCitizen($caseId: ID!, $text: String!) {\n    replyToCitizen(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToCitizen($caseId: ID!, $text: String!) {\n    replyToCitizen(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCaseNote($caseId: ID!, $text: String!) {\n    addCaseNote(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n"): (typeof documents)["\n  mutation AddCaseNote($caseId: ID!, $text: String!) {\n    addCaseNote(caseId: $caseId, text: $text) {\n      ...CaseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCase($caseId: ID!, $resolution: String!) {\n    closeCase(caseId: $caseId, resolution: $resolution) {\n      ...CaseState\n    }\n  }\n"): (typeof documents)["\n  mutation CloseCase($caseId: ID!, $resolution: String!) {\n    closeCase(caseId: $caseId, resolution: $resolution) {\n      ...CaseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCase($caseId: ID!) {\n    assignCase(caseId: $caseId) {\n      ...CaseState\n    }\n  }\n"): (typeof documents)["\n  mutation AssignCase($caseId: ID!) {\n    assignCase(caseId: $caseId) {\n      ...CaseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CategoryArticles($categoryKey: String!) {\n    knowledgeArticles(categoryKey: $categoryKey) {\n      id\n      title\n      body\n      checklist\n      routing\n    }\n  }\n"): (typeof documents)["\n  query CategoryArticles($categoryKey: String!) {\n    knowledgeArticles(categoryKey: $categoryKey) {\n      id\n      title\n      body\n      checklist\n      routing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      id\n      reference\n      status\n      summary\n      createdAt\n      overdue\n      category {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterContact($input: RegisterContactInput!) {\n    registerContact(input: $input) {\n      id\n      reference\n      status\n      summary\n      createdAt\n      overdue\n      category {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForwardCase($caseId: ID!, $answerGroupKey: String!, $message: String!) {\n    forwardCase(caseId: $caseId, answerGroupKey: $answerGroupKey, message: $message) {\n      id\n      reference\n      status\n      dueAt\n      answerGroup {\n        key\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ForwardCase($caseId: ID!, $answerGroupKey: String!, $message: String!) {\n    forwardCase(caseId: $caseId, answerGroupKey: $answerGroupKey, message: $message) {\n      id\n      reference\n      status\n      dueAt\n      answerGroup {\n        key\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonView($personalNumber: String!, $purpose: String) {\n    person(personalNumber: $personalNumber, purpose: $purpose) {\n      personalNumber\n      protectedIdentity\n      populationRecord {\n        givenName\n        surname\n        protectedRegistration\n        confidentialityMarking\n        address {\n          street\n          postalCode\n          city\n        }\n      }\n      statuses {\n        source\n        kind\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        asOf\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        errorCode\n        reason\n      }\n      cases {\n        id\n        reference\n        status\n        summary\n        createdAt\n        overdue\n        category {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PersonView($personalNumber: String!, $purpose: String) {\n    person(personalNumber: $personalNumber, purpose: $purpose) {\n      personalNumber\n      protectedIdentity\n      populationRecord {\n        givenName\n        surname\n        protectedRegistration\n        confidentialityMarking\n        address {\n          street\n          postalCode\n          city\n        }\n      }\n      statuses {\n        source\n        kind\n        reference\n        title\n        state\n        label\n        updatedAt\n        dueDate\n        nextStep\n        asOf\n      }\n      sources {\n        plugin\n        department\n        state\n        asOf\n        errorCode\n        reason\n      }\n      cases {\n        id\n        reference\n        status\n        summary\n        createdAt\n        overdue\n        category {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropertyView($address: String!) {\n    property(address: $address) {\n      propertyId\n      address\n      postalCode\n      city\n      dataAsOf\n      bins {\n        binId\n        label\n        intervalLabel\n        sizeLiters\n        nextPickup\n      }\n    }\n  }\n"): (typeof documents)["\n  query PropertyView($address: String!) {\n    property(address: $address) {\n      propertyId\n      address\n      postalCode\n      city\n      dataAsOf\n      bins {\n        binId\n        label\n        intervalLabel\n        sizeLiters\n        nextPickup\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Queue($answerGroupKey: String!) {\n    overdue: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: true }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n    inTime: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: false }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n  }\n  fragment QueueCase on CaseInfo {\n    id\n    reference\n    summary\n    status\n    overdue\n    dueAt\n    createdAt\n    assigneeSubject\n    category {\n      name\n    }\n  }\n"): (typeof documents)["\n  query Queue($answerGroupKey: String!) {\n    overdue: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: true }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n    inTime: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: false }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...QueueCase\n        }\n      }\n    }\n  }\n  fragment QueueCase on CaseInfo {\n    id\n    reference\n    summary\n    status\n    overdue\n    dueAt\n    createdAt\n    assigneeSubject\n    category {\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceStatistics($f0: Date!, $t0: Date!, $f1: Date!, $t1: Date!, $f2: Date!, $t2: Date!, $f3: Date!, $t3: Date!, $f4: Date!, $t4: Date!, $f5: Date!, $t5: Date!) {\n    m0: serviceStatistics(from: $f0, to: $t0) {\n      ...MonthFigures\n      categoryRanking {\n        categoryKey\n        name\n        count\n        share\n      }\n    }\n    m1: serviceStatistics(from: $f1, to: $t1) {\n      ...MonthFigures\n    }\n    m2: serviceStatistics(from: $f2, to: $t2) {\n      ...MonthFigures\n    }\n    m3: serviceStatistics(from: $f3, to: $t3) {\n      ...MonthFigures\n    }\n    m4: serviceStatistics(from: $f4, to: $t4) {\n      ...MonthFigures\n    }\n    m5: serviceStatistics(from: $f5, to: $t5) {\n      ...MonthFigures\n    }\n  }\n  fragment MonthFigures on ServiceStatisticsInfo {\n    from\n    to\n    contacts\n    resolvedAtFirstLine {\n      share\n      target\n      meetsTarget\n      basis\n    }\n    answeredInTime {\n      share\n      target\n      meetsTarget\n      basis\n    }\n  }\n"): (typeof documents)["\n  query ServiceStatistics($f0: Date!, $t0: Date!, $f1: Date!, $t1: Date!, $f2: Date!, $t2: Date!, $f3: Date!, $t3: Date!, $f4: Date!, $t4: Date!, $f5: Date!, $t5: Date!) {\n    m0: serviceStatistics(from: $f0, to: $t0) {\n      ...MonthFigures\n      categoryRanking {\n        categoryKey\n        name\n        count\n        share\n      }\n    }\n    m1: serviceStatistics(from: $f1, to: $t1) {\n      ...MonthFigures\n    }\n    m2: serviceStatistics(from: $f2, to: $t2) {\n      ...MonthFigures\n    }\n    m3: serviceStatistics(from: $f3, to: $t3) {\n      ...MonthFigures\n    }\n    m4: serviceStatistics(from: $f4, to: $t4) {\n      ...MonthFigures\n    }\n    m5: serviceStatistics(from: $f5, to: $t5) {\n      ...MonthFigures\n    }\n  }\n  fragment MonthFigures on ServiceStatisticsInfo {\n    from\n    to\n    contacts\n    resolvedAtFirstLine {\n      share\n      target\n      meetsTarget\n      basis\n    }\n    answeredInTime {\n      share\n      target\n      meetsTarget\n      basis\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;