import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { QueueQuery } from '../gql/graphql';
import { longDate } from '../format';
import { hrefOf } from '../route';
import type { AnswerGroup } from '../runtime-config';
import { strings } from '../strings';

// Overdue cases asked for apart, so a long queue of newer cases never pushes them off the page.
const QUEUE = graphql(`
  query Queue($answerGroupKey: String!) {
    overdue: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: true }, first: 100) {
      totalCount
      edges {
        node {
          ...QueueCase
        }
      }
    }
    inTime: cases(filter: { answerGroupKey: $answerGroupKey, status: FORWARDED, overdue: false }, first: 100) {
      totalCount
      edges {
        node {
          ...QueueCase
        }
      }
    }
    waiting: cases(filter: { answerGroupKey: $answerGroupKey, status: WAITING_FOR_CUSTOMER }, first: 100) {
      totalCount
      edges {
        node {
          ...QueueCase
        }
      }
    }
  }
  fragment QueueCase on CaseInfo {
    id
    reference
    summary
    status
    overdue
    dueAt
    dueText
    dueRemainingText
    wakeDate
    createdAt
    assigneeName
    category {
      name
    }
  }
`);

type QueueCase = QueueQuery['overdue']['edges'][number]['node'];

/** Overdue first, then the soonest due: what the group must do next is on top. */
export function byUrgency(a: QueueCase, b: QueueCase): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (a.dueAt ?? '').localeCompare(b.dueAt ?? '');
}

/** The answer group's open (forwarded) cases; the user's own groups first in the picker. */
export function QueueView({ myGroups, allGroups }: { myGroups: AnswerGroup[]; allGroups: AnswerGroup[] }) {
  const groups = [...myGroups, ...allGroups.filter((g) => !myGroups.some((m) => m.key === g.key))];
  const [groupKey, setGroupKey] = useState(groups[0]?.key ?? '');
  const { data, loading, error } = useQuery(QUEUE, {
    variables: { answerGroupKey: groupKey },
    skip: !groupKey,
    fetchPolicy: 'cache-and-network',
  });
  const cases = [
    ...[...(data?.overdue.edges ?? []), ...(data?.inTime.edges ?? [])].map((e) => e.node).sort(byUrgency),
    // Waiting for the citizen: nothing for the group to do until they answer; last, soonest to wake first.
    ...(data?.waiting.edges ?? [])
      .map((e) => e.node)
      .sort((a, b) => (a.wakeDate ?? '').localeCompare(b.wakeDate ?? '')),
  ];
  const shown = (data?.overdue.totalCount ?? 0) + (data?.inTime.totalCount ?? 0);
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">{strings.queue.heading}</h1>
      <label htmlFor="queue-group">{strings.queue.group}</label>{' '}
      <select id="queue-group" value={groupKey} onChange={(e) => setGroupKey(e.target.value)}>
        {groups.map((g) => (
          <option key={g.key} value={g.key}>
            {g.name}
          </option>
        ))}
      </select>
      {error ? (
        <p role="alert" className="error">
          {error.message}
        </p>
      ) : null}
      {loading && !data ? <p role="status">{strings.loading}</p> : null}
      {data && cases.length === 0 ? <p>{strings.queue.empty}</p> : null}
      {data && cases.length ? (
        <p data-testid="queue-count">{strings.queue.count(shown, data.overdue.totalCount)}</p>
      ) : null}
      {cases.length ? (
        <table className="queue" data-testid="queue">
          <thead>
            <tr>
              <th scope="col">{strings.queue.reference}</th>
              <th scope="col">{strings.queue.category}</th>
              <th scope="col">{strings.queue.summary}</th>
              <th scope="col">{strings.queue.dueAt}</th>
              <th scope="col">{strings.queue.status}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className={c.overdue ? 'overdue-row' : undefined}>
                <td>
                  <a href={hrefOf({ view: 'case', id: c.id })}>{c.reference}</a>
                </td>
                <td>{c.category.name}</td>
                <td>{c.summary}</td>
                <td className="due">
                  {c.wakeDate ? strings.caseView.waitingUntil(longDate(c.wakeDate)) : c.dueText}
                  {c.dueRemainingText ? <div className="muted">{c.dueRemainingText}</div> : null}
                </td>
                <td>
                  {c.overdue ? (
                    <strong className="overdue">{strings.queue.overdue}</strong>
                  ) : (
                    strings.caseStatus[c.status]
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
