import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode, TEXT_LIMITS, textProblem, type TextRule } from '@frontdoor/core';

/**
 * The text limits of the GraphQL arguments and input fields, by schema coordinate
 * (`Type.field(arg:)` for an argument, `Input.field` for an input field; a list's rule holds
 * for each item). Every String and ID not named here takes TEXT_LIMITS.short (100 characters,
 * one line), so a new argument is bounded without a line here. docs/errors.md ("Text input").
 */
export const ARGUMENT_TEXT_LIMITS: Readonly<Record<string, TextRule>> = {
  'Query.person(purpose:)': TEXT_LIMITS.line,
  'Query.property(address:)': TEXT_LIMITS.line,
  'Query.searchKnowledge(query:)': TEXT_LIMITS.line,
  // The contact's summary as typed so far (RegisterContactInput.summary's limit).
  'Query.knowledgeForContact(text:)': TEXT_LIMITS.text,
  'Query.cases(after:)': TEXT_LIMITS.line,
  'Mutation.addCaseNote(text:)': TEXT_LIMITS.text,
  'Mutation.replyToCitizen(text:)': TEXT_LIMITS.text,
  'Mutation.answerCaseByEmail(text:)': TEXT_LIMITS.text,
  'Mutation.forwardCase(message:)': TEXT_LIMITS.text,
  'Mutation.closeCase(resolution:)': TEXT_LIMITS.text,
  'Mutation.parkCase(reason:)': TEXT_LIMITS.text,
  'Mutation.resumeCase(reason:)': TEXT_LIMITS.text,
  'Mutation.reopenCase(reason:)': TEXT_LIMITS.text,
  'Mutation.parkCase(citizenText:)': TEXT_LIMITS.text,
  'Mutation.resumeCase(citizenText:)': TEXT_LIMITS.text,
  'Mutation.closeCase(citizenText:)': TEXT_LIMITS.text,
  'Mutation.reopenCase(citizenText:)': TEXT_LIMITS.text,
  'Mutation.setNotificationPreference(email:)': TEXT_LIMITS.email,
  'RegisterContactInput.summary': TEXT_LIMITS.text,
  'RegisterContactInput.resolution': TEXT_LIMITS.text,
  'AskQuestionInput.question': TEXT_LIMITS.text,
  'CallbackContactInput.email': TEXT_LIMITS.email,
  'CallbackContactInput.phone': TEXT_LIMITS.phone,
  'KnowledgeArticleInput.title': TEXT_LIMITS.line,
  'KnowledgeArticleInput.body': TEXT_LIMITS.article,
  'KnowledgeArticleInput.routing': TEXT_LIMITS.text,
  'KnowledgeArticleInput.checklist': TEXT_LIMITS.line,
  'BulkyWastePickupInput.description': TEXT_LIMITS.text,
  'HomeCareChangeInput.message': TEXT_LIMITS.text,
  'ParkingFineReviewInput.message': TEXT_LIMITS.text,
  'SwimBookingCancellationInput.reason': TEXT_LIMITS.line,
  // The notice's own rules (120 and 2 000 characters) say the rest, naming the field.
  'OperatingNoticeInput.title': TEXT_LIMITS.line,
  'OperatingNoticeInput.text': TEXT_LIMITS.text,
};

/** The rule for a String or ID at this coordinate. */
export function textRuleFor(coordinate: string): TextRule {
  return ARGUMENT_TEXT_LIMITS[coordinate] ?? TEXT_LIMITS.short;
}

/** A refused text: the argument path (`input.summary`, `input.checklist.2`) and why. */
export interface ArgumentTextProblem {
  field: string;
  reason: string;
  message: string;
}

/**
 * Refuses an operation whose arguments (literal or from variables) hold a String or ID over
 * its limit or with a control character, before any resolver runs: `BAD_USER_INPUT` with
 * `extensions.field` naming the argument path, HTTP 400. One check for every query and
 * mutation, so no resolver (or the database) sees such text.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return;
          const problem = findTextProblem(schema as GraphQLSchema, document, operation, request.variables);
          if (problem)
            throw new GraphQLError(`${problem.field}: ${problem.message}`, {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                field: problem.field,
                reason: problem.reason,
                http: { status: 400 },
              },
            });
        },
      };
    },
  };
}

/** A field of the operation that takes arguments, with its definition and parent type's name. */
interface ArgumentSite {
  node: FieldNode;
  fieldDef: GraphQLField<unknown, unknown>;
  parent: string;
}

/** Per schema, the argument sites of each operation seen (Apollo keeps one parsed document per query). */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

/**
 * The first refused text in the operation's arguments. The fields that take arguments are found
 * once per operation document (walking it and the fragments it spreads once each, never
 * expanding a fragment per spread, so the work is linear in the document); each request then
 * checks only their values. Variables that do not coerce are left to execution, which refuses them.
 */
export function findTextProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): ArgumentTextProblem | undefined {
  const sites = argumentSitesOf(schema, document, operation);
  if (!sites.length) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return undefined;
  for (const { node, fieldDef, parent } of sites) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(fieldDef, node, coerced.coerced);
    } catch {
      continue; // execution answers the bad argument itself
    }
    for (const arg of fieldDef.args) {
      const found = problemIn(
        values[arg.name],
        arg.type,
        `${parent}.${fieldDef.name}(${arg.name}:)`,
        arg.name,
      );
      if (found) return found;
    }
  }
  return undefined;
}

function argumentSitesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let bySchema = sitesBySchema.get(schema);
  if (!bySchema) sitesBySchema.set(schema, (bySchema = new WeakMap()));
  let sites = bySchema.get(operation);
  if (!sites) bySchema.set(operation, (sites = collectArgumentSites(schema, document, operation)));
  return sites;
}

/** The fields with arguments, in the order the operation and its fragments are walked. */
function collectArgumentSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);

  const pending: ASTNode[] = [operation];
  const seen = new Set<string>();
  const sites: ArgumentSite[] = [];
  while (pending.length) {
    const typeInfo = new TypeInfo(schema);
    visit(
      pending.pop()!,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(node) {
          const fragment = fragments.get(node.name.value);
          if (fragment && !seen.has(node.name.value)) {
            seen.add(node.name.value);
            pending.push(fragment);
          }
        },
        Field(node) {
          if (!node.arguments?.length) return;
          const fieldDef = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (fieldDef && parent) sites.push({ node, fieldDef, parent: parent.name });
        },
      }),
    );
  }
  return sites;
}

function problemIn(
  value: unknown,
  type: GraphQLInputType,
  coordinate: string,
  path: string,
): ArgumentTextProblem | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length; i++) {
      const found = problemIn(items[i], nullable.ofType as GraphQLInputType, coordinate, `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    const object = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) {
      const found = problemIn(
        object[field.name],
        field.type,
        `${nullable.name}.${field.name}`,
        `${path}.${field.name}`,
      );
      if (found) return found;
    }
    return undefined;
  }
  // Strings, ids and scalars that stay strings (Date); enums and numbers carry no text.
  if (isScalarType(getNamedType(nullable)) && typeof value === 'string') {
    const problem = textProblem(value, textRuleFor(coordinate));
    if (problem) return { field: path, ...problem };
  }
  return undefined;
}
