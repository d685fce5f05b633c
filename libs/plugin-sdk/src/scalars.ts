import { registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from 'graphql-scalars';
import { StatusState } from './status-state';

/**
 * The GraphQL `Date` scalar (a calendar date, YYYY-MM-DD). One shared instance, so every
 * plugin's date fields and the hub's `StatusItem.dueDate` are the same type in the schema.
 */
export const CalendarDate = GraphQLDate;

registerEnumType(StatusState, {
  name: 'StatusState',
  description: 'The shared lifecycle every department’s matters are mapped onto. See docs/status-model.md.',
});
