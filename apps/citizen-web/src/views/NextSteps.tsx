import type { CitizenPageQuery } from '../gql/graphql';
import { shortDate, texts } from '../texts';

type Person = CitizenPageQuery['me']['person'];

/** What the citizen must do next, and by when, first on the page: matters and cases waiting for them. */
export function NextSteps({ statuses, cases }: { statuses: Person['statuses']; cases: Person['cases'] }) {
  const items = [
    ...statuses
      .filter((s) => s.state === 'WAITING_FOR_CUSTOMER')
      .map((s) => ({
        key: `${s.source}:${s.reference}`,
        title: s.title,
        what: s.nextStep ?? s.label,
        by: s.dueDate ?? null,
      })),
    ...cases
      .filter((c) => c.status === 'WAITING_FOR_CUSTOMER')
      .map((c) => ({
        key: c.id,
        title: `${c.category.name}, ärende ${c.reference}`,
        // The hub's fixed line and the text written for the citizen, never staff text (issue 23).
        what:
          lineOf(c.events.filter((e) => e.type === 'PARKED').at(-1)) ??
          texts.cases.status.WAITING_FOR_CUSTOMER,
        by: c.wakeDate ?? null,
      })),
  ].sort((a, b) => (a.by ?? '9999').localeCompare(b.by ?? '9999'));
  return (
    <section aria-labelledby="todo-heading" className="todo" data-testid="next-steps">
      <h2 id="todo-heading">{texts.todo.heading}</h2>
      {items.length === 0 ? (
        <p>{texts.todo.none}</p>
      ) : (
        <ul className="cards">
          {items.map((item) => (
            <li key={item.key} className="card attention">
              <h3>{item.title}</h3>
              <p>{item.what}</p>
              {item.by ? (
                <p className="by">
                  {texts.todo.by} <time dateTime={item.by}>{shortDate(item.by)}</time>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function lineOf(
  event: { citizenHeadline: string | null; message: string | null } | undefined,
): string | null {
  if (!event?.citizenHeadline) return null;
  return event.message ? `${event.citizenHeadline} ${event.message}` : event.citizenHeadline;
}
