import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatShare } from '../format';
import { strings } from '../strings';

const COVERAGE = graphql(`
  query ContactCoverage($month: String!) {
    contactCoverage(month: $month) {
      month
      contacts
      answeredContacts
      answeredShare
      answered {
        decided
        share
      }
      others {
        decided
        share
      }
    }
  }
`);

const AVOIDABLE = graphql(`
  query AvoidableContacts($month: String!) {
    avoidableContacts(month: $month) {
      month
      previousMonth
      totalContacts
      totalAgentMinutes
      previousTotalContacts
      rows {
        answeredBy
        categoryKey
        categoryName
        contacts
        agentMinutes
        withoutCall
        previousContacts
      }
    }
  }
`);

const shareOrNone = (share: number | null | undefined) =>
  share === null || share === undefined ? strings.coverage.none : formatShare(share);

const trend = (now: number, before: number) =>
  now === before ? strings.coverage.unchanged : `${now > before ? '+' : '−'}${Math.abs(now - before)}`;

/**
 * Coverage as a figure (this month) and, for managers, last month's avoidable contacts ranked
 * (decision 0086), beside the service goals.
 */
export function CoverageSection({
  month,
  lastMonth,
  managerial,
}: {
  month: string;
  lastMonth: string;
  managerial: boolean;
}) {
  const coverage = useQuery(COVERAGE, { variables: { month }, fetchPolicy: 'network-only' });
  const avoidable = useQuery(AVOIDABLE, {
    variables: { month: lastMonth },
    skip: !managerial,
    fetchPolicy: 'network-only',
  });
  const c = coverage.data?.contactCoverage;
  const report = avoidable.data?.avoidableContacts;
  return (
    <section aria-labelledby="coverage-heading" data-testid="coverage">
      <h2 id="coverage-heading">{strings.coverage.heading(month)}</h2>
      {c ? (
        <dl className="coverage">
          <dt>{strings.coverage.answeredShare}</dt>
          <dd data-testid="coverage-share">
            {shareOrNone(c.answeredShare)} ({strings.coverage.ofContacts(c.answeredContacts, c.contacts)})
          </dd>
          <dt>{strings.coverage.resolvedAnswered}</dt>
          <dd>{shareOrNone(c.answered.share)}</dd>
          <dt>{strings.coverage.resolvedOthers}</dt>
          <dd>{shareOrNone(c.others.share)}</dd>
        </dl>
      ) : coverage.error ? (
        <p role="alert" className="error">
          {strings.coverage.failed}
        </p>
      ) : (
        <p role="status">{strings.loading}</p>
      )}
      {managerial ? (
        <>
          <h2>{strings.coverage.avoidableHeading(lastMonth)}</h2>
          {report ? (
            report.rows.length ? (
              <table data-testid="avoidable">
                <thead>
                  <tr>
                    <th scope="col">{strings.coverage.category}</th>
                    <th scope="col">{strings.coverage.contacts}</th>
                    <th scope="col">{strings.coverage.minutes}</th>
                    <th scope="col">{strings.coverage.trend(report.previousMonth)}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={r.categoryKey}>
                      <th scope="row">{r.categoryName}</th>
                      <td>{r.contacts}</td>
                      <td>
                        {r.agentMinutes}
                        {r.withoutCall ? ` (${strings.coverage.withoutCall(r.withoutCall)})` : ''}
                      </td>
                      <td>{trend(r.contacts, r.previousContacts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{strings.coverage.noAvoidable}</p>
            )
          ) : avoidable.error ? (
            <p role="alert" className="error">
              {strings.coverage.failed}
            </p>
          ) : (
            <p role="status">{strings.loading}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
