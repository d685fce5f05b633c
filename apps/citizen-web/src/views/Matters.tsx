import type { CitizenPageQuery } from '../gql/graphql';
import { dateTime, shortDate, texts } from '../texts';
import { WithValues } from './Values';

type Person = CitizenPageQuery['me']['person'];

/** Every matter from every department, and a plain word for any department that could not answer. */
export function Matters({
  statuses,
  sources,
  heading = texts.matters.heading,
  id = 'matters',
}: {
  statuses: Person['statuses'];
  sources: Person['sources'];
  /** Another person's matters (a child's, a principal's) have their own heading. */
  heading?: string;
  id?: string;
}) {
  const missing = sources.filter((s) => s.state === 'FAILED');
  const stale = sources.filter((s) => s.state === 'STALE' && s.asOf);
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {missing.map((s) => (
        <p key={s.plugin} role="alert" className="warning">
          {texts.matters.missing(s.department)}
        </p>
      ))}
      {stale.map((s) => (
        <p key={s.plugin} className="notice">
          <WithValues text={texts.matters.stale(s.department, dateTime(s.asOf!))} />
        </p>
      ))}
      {statuses.length === 0 ? (
        missing.length === 0 ? (
          <p>{texts.matters.none}</p>
        ) : null
      ) : (
        <ul className="cards">
          {statuses.map((s) => (
            <li key={`${s.source}:${s.reference}`} className="card">
              <h3>
                <WithValues text={s.title} />
              </h3>
              <p>
                <span className={`state state-${s.state}`}>{texts.state[s.state] ?? s.state}</span>{' '}
                <WithValues text={s.label} />
              </p>
              {s.nextStep ? (
                <p>
                  <WithValues text={s.nextStep} />
                </p>
              ) : null}
              <p className="meta">
                <span className="value">{s.reference}</span>
                {s.updatedAt ? (
                  <>
                    {' · '}
                    {texts.matters.updated}{' '}
                    <time className="value" dateTime={s.updatedAt}>
                      {shortDate(s.updatedAt)}
                    </time>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
