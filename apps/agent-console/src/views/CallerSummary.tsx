import type { SummaryCaseFragment } from '../gql/graphql';
import { formatDateTime, longDate } from '../format';
import { hrefOf } from '../route';
import { strings } from '../strings';
import { summaryCases } from '../caller-summary';

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
                    <div className="muted">
                      {strings.summary.registered} {formatDateTime(c.createdAt)}
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
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
