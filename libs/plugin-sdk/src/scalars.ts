import { registerEnumType } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { StatusState } from './status-state';

/**
 * The GraphQL `Date` scalar (a calendar date, YYYY-MM-DD). One shared instance, so every
 * plugin's date fields and the hub's `StatusItem.dueDate` are the same type in the schema.
 */
export const CalendarDate = new GraphQLScalarType({
  // graphql-scalars' LocalDate validates real dates and keeps them as strings (its `Date`
  // turns input into a JS Date at midnight UTC, which shifts Swedish dates).
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (no time, no zone).',
});

registerEnumType(StatusState, {
  name: 'StatusState',
  description: 'The shared lifecycle every department’s matters are mapped onto. See docs/status-model.md.',
});
