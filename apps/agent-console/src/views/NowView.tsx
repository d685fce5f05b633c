import { useEffect, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import { strings } from '../strings';

const LIVE = graphql(`
  subscription ContactCenterLive {
    contactCenterChanged {
      at
      callsWaiting
      oldestWaitingSince
      agentsOnCall
      callbacksWaiting
      oldestCallbackWaitingSince
      today {
        queueKey
        name
        offered
        answered
        abandoned
        answerWithinSeconds
        answeredWithin {
          share
          target
          meetsTarget
        }
        abandonedShare {
          share
          target
          meetsTarget
        }
      }
      overdueByAnswerGroup {
        answerGroupKey
        name
        open
        overdue
      }
    }
  }
`);

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Seconds since `since`, ticking once a second on the screen (the hub sends only changes). */
function useSecondsSince(since: string | null | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return since ? Math.max(0, Math.round((now - Date.parse(since)) / 1000)) : 0;
}

/** The managers' wall screen: the queues now and today's goals, updated by the hub as calls come. */
export function NowView() {
  const { data, error } = useSubscription(LIVE);
  const now = data?.contactCenterChanged;
  const longest = useSecondsSince(now?.oldestWaitingSince);
  const longestCallback = useSecondsSince(now?.oldestCallbackWaitingSince);
  if (error) return <p role="alert">{strings.now.failed}</p>;
  if (!now) return <p role="status">{strings.loading}</p>;
  return (
    <section className="now" aria-labelledby="now-heading" data-testid="now-view">
      <h1 id="now-heading">{strings.now.heading}</h1>
      <dl className="now-figures">
        <div>
          <dt>{strings.now.waiting}</dt>
          <dd data-testid="now-waiting">{now.callsWaiting}</dd>
        </div>
        <div>
          <dt>{strings.now.longest}</dt>
          <dd data-testid="now-longest">{strings.now.seconds(longest)}</dd>
        </div>
        <div>
          <dt>{strings.now.onCall}</dt>
          <dd data-testid="now-on-call">{now.agentsOnCall}</dd>
        </div>
        <div>
          <dt>{strings.now.callbacks}</dt>
          <dd data-testid="now-callbacks">{now.callbacksWaiting}</dd>
        </div>
        <div>
          <dt>{strings.now.callbackLongest}</dt>
          <dd data-testid="now-callback-longest">{strings.now.seconds(longestCallback)}</dd>
        </div>
      </dl>
      <table className="now-queues">
        <caption>{strings.now.today}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.now.queue}</th>
            <th scope="col">{strings.now.answered}</th>
            <th scope="col">{strings.now.abandoned}</th>
            <th scope="col">{strings.now.within}</th>
          </tr>
        </thead>
        <tbody>
          {now.today.map((q) => (
            <tr key={q.queueKey}>
              <th scope="row">{q.name}</th>
              <td>{q.answered}</td>
              <td>
                {q.abandoned} ({percent(q.abandonedShare.share)},{' '}
                {strings.now.ceiling(percent(q.abandonedShare.target))})
              </td>
              <td className={q.offered ? (q.answeredWithin.meetsTarget ? 'ok' : 'error') : undefined}>
                {q.offered
                  ? strings.now.withinText(
                      percent(q.answeredWithin.share),
                      q.answerWithinSeconds,
                      percent(q.answeredWithin.target),
                    )
                  : strings.now.noCalls}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="now-groups">
        <caption>{strings.now.groups}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.now.group}</th>
            <th scope="col">{strings.now.open}</th>
            <th scope="col">{strings.now.overdue}</th>
          </tr>
        </thead>
        <tbody>
          {now.overdueByAnswerGroup.map((g) => (
            <tr key={g.answerGroupKey}>
              <th scope="row">{g.name}</th>
              <td>{g.open}</td>
              <td className={g.overdue ? 'error' : undefined}>{g.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
