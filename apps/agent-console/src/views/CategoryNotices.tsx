import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { strings } from '../strings';

const NOTICES = graphql(`
  query CategoryNotices($categoryKey: String!) {
    operatingNotices(categoryKey: $categoryKey) {
      id
      title
      text
      area
    }
  }
`);

/**
 * The operating notices (driftmeddelanden) in force for the chosen category, beside the contact
 * form: what the agent reads aloud before the caller has to ask ("Hämtningen är försenad …").
 * Nothing while none is chosen or none holds; a failed read says so, never "no notices".
 */
export function CategoryNotices({ categoryKey }: { categoryKey: string }) {
  const { data, error } = useQuery(NOTICES, { variables: { categoryKey }, skip: !categoryKey });
  if (!categoryKey) return null;
  if (error)
    return (
      <p role="alert" className="error">
        {strings.contact.noticesFailed}
      </p>
    );
  const notices = data?.operatingNotices ?? [];
  if (!notices.length) return null;
  return (
    <section aria-labelledby="notices-heading" className="notices" data-testid="notices">
      <h2 id="notices-heading">{strings.contact.notices}</h2>
      <ul className="plain">
        {notices.map((n) => (
          <li key={n.id}>
            <strong>{n.title}</strong>
            {n.area ? ` (${n.area})` : ''}: {n.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
