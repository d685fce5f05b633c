import type { SummaryCaseFragment } from '../gql/graphql';
import { formatDateTime, longDate } from '../format';
import { hrefOf } from '../route';
import { strings } from '../strings';

const DAYS = 30;

/** The start of the summary's window: 30 days before now. */
export function summarySince(now = new Date()): string {
  return new Date(now.getTime() - DAYS * 24 * 60 * 60 * 1000).toISOString();
}

/**
 * What a second call is most likely about: the person's open cases (any age) and every
 * contact of the last 30 days, newest first; one list without duplicates.
 */
export function summaryCases(
  cases: readonly SummaryCaseFragment[],
  recent: readonly SummaryCaseFragment[],
): SummaryCaseFragment[] {
  const byId = new Map<string, SummaryCaseFragment>();
  for (const c of recent) byId.set(c.id, c);
  for (const c of cases) if (c.status !== 'CLOSED' && !byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The caller summary at the top of the person: each case's group, deadline and state. */
export function CallerSummary({
  cases,
  recent,
  highlight,
}: {
  cases: readonly SummaryCaseFragment[];
  /** Null when the last 30 days could not be fetched: said so, the open ones still shown. */
  recent: readonly SummaryCaseFragment[] | null;
  highlight?: string;
}) {
  const rows = summaryCases(cases, recent ?? []);
  return (
    <section aria-labelledby="summary-heading" className="caller-summary" data-testid="caller-summary">
      <h2 id="summary-heading">{strings.summary.heading}</h2>
      {recent === null ? (
        <p role="alert" className="notice">
          {strings.summary.failed}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{strings.summary.none}</p>
      ) : (
        <table className="summary">
          <thead>
            <tr>
              <th scope="col">{strings.summary.reference}</th>
              <th scope="col">{strings.summary.group}</th>
              <th scope="col">{strings.summary.due}</th>
              <th scope="col">{strings.summary.state}</th>
              <th scope="col">{strings.summary.registered}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const searched = c.reference === highlight;
              return (
                <tr
                  key={c.id}
                  className={searched ? 'highlight' : undefined}
                  aria-current={searched ? 'true' : undefined}
                  data-testid="summary-row"
                >
                  <td>
                    <a href={hrefOf({ view: 'case', id: c.id })}>{c.reference}</a>
                    {searched ? <strong> ({strings.summary.searched})</strong> : null}
                    <div>
                      {c.category.name}: {c.summary}
                    </div>
                  </td>
                  <td>{c.answerGroup?.name ?? strings.summary.firstLine}</td>
                  <td className="due">
                    {c.status === 'CLOSED'
                      ? strings.summary.noDue
                      : c.wakeDate
                        ? strings.caseView.waitingUntil(longDate(c.wakeDate))
                        : (c.dueText ?? strings.summary.noDue)}
                    {c.status !== 'CLOSED' && c.dueRemainingText ? (
                      <div className="muted">{c.dueRemainingText}</div>
                    ) : null}
                  </td>
                  <td>
                    {c.overdue ? (
                      <strong className="overdue">{strings.queue.overdue}</strong>
                    ) : (
                      strings.caseStatus[c.status]
                    )}
                  </td>
                  <td className="nowrap">{formatDateTime(c.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
