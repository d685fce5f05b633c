import type { CitizenPageQuery } from '../gql/graphql';
import { dateTime, texts } from '../texts';

type AccessRecord = CitizenPageQuery['me']['accessHistory'][number];

/** Who has read the citizen's data (GDPR art. 15): when, which role, why, which parts. */
export function AccessHistory({ records }: { records: AccessRecord[] }) {
  return (
    <section aria-labelledby="access-heading" data-testid="access-history">
      <h2 id="access-heading">{texts.access.heading}</h2>
      <p>{texts.access.intro}</p>
      {records.length === 0 ? (
        <p>{texts.access.none}</p>
      ) : (
        <ul className="cards">
          {records.map((r, i) => (
            <li key={i} className="card compact">
              <p>
                <strong>{texts.access.role[r.role] ?? r.role}</strong>
                {' · '}
                <time dateTime={r.at}>{dateTime(r.at)}</time>
              </p>
              {r.purpose ? (
                <p>
                  {texts.access.why}: {r.purpose}
                </p>
              ) : null}
              <p className="meta">
                {texts.access.what}: {[...r.sources, ...r.fieldGroups].join(', ') || '–'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
