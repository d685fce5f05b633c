import type { applyCaseSetup, CaseSetup } from '../index';

type AnswerGroupSetup = CaseSetup['answerGroups'][number];
type CategorySetup = Parameters<typeof applyCaseSetup>[1]['categories'][number];

/**
 * The case setup most specs start from: the category fakturor (3 working days, not
 * confidential) and its answer group ekonomi, managed by `m` with no other members. `group`
 * changes the group's fields (its mail, its manager); `categories` come before fakturor.
 */
export function fakturorSetup(
  options: { group?: Partial<AnswerGroupSetup>; categories?: CategorySetup[] } = {},
): { categories: CategorySetup[]; answerGroups: AnswerGroupSetup[] } {
  return {
    categories: [
      ...(options.categories ?? []),
      { key: 'fakturor', name: 'Fakturor', slaWorkingDays: 3, confidential: false },
    ],
    answerGroups: [
      {
        key: 'ekonomi',
        name: 'Svarsgrupp fakturor',
        department: 'Ekonomi',
        notificationEmail: 'f@exempelstad.se',
        manager: { subject: 'm', name: 'M', email: 'm@exempelstad.se' },
        members: [],
        ...options.group,
      },
    ],
  };
}
