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
  type FragmentDefinitionNode,
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
  'Query.cases(after:)': TEXT_LIMITS.line,
  'Mutation.addCaseNote(text:)': TEXT_LIMITS.text,
  'Mutation.replyToCitizen(text:)': TEXT_LIMITS.text,
  'Mutation.forwardCase(message:)': TEXT_LIMITS.text,
  'Mutation.closeCase(resolution:)': TEXT_LIMITS.text,
  'Mutation.parkCase(reason:)': TEXT_LIMITS.text,
  'Mutation.resumeCase(reason:)': TEXT_LIMITS.text,
  'Mutation.reopenCase(reason:)': TEXT_LIMITS.text,
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

/**
 * The first refused text in the operation's arguments. Walks the operation and the fragments
 * it spreads once each (never expanding a fragment per spread), so the work is linear in the
 * document. Variables that do not coerce are left to execution, which refuses them.
 */
export function findTextProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): ArgumentTextProblem | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, {
    maxErrors: 1,
  });
  if (coerced.errors) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);

  const pending: ASTNode[] = [operation];
  const seen = new Set<string>();
  let found: ArgumentTextProblem | undefined;
  while (pending.length && !found) {
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
          if (found || !node.arguments?.length) return;
          const fieldDef = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          if (!fieldDef || !parent) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(fieldDef, node, coerced.coerced);
          } catch {
            return; // execution answers the bad argument itself
          }
          for (const arg of fieldDef.args) {
            found = problemIn(
              values[arg.name],
              arg.type,
              `${parent.name}.${fieldDef.name}(${arg.name}:)`,
              arg.name,
            );
            if (found) return;
          }
        },
      }),
    );
  }
  return found;
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
