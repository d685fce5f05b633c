import type { LookupWhy } from '../lookup-purpose';
import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatPersonalNumber } from '../format';
import { hrefOf } from '../route';
import { classifySearch } from '../search-input';
import { strings } from '../strings';
import { SearchOutcome } from './SearchOutcome';

const PERSON_SEARCH = graphql(`
  query PersonSearch(
    $name: String
    $address: String
    $postalCode: String
    $birthYear: String
    $purpose: String
    $why: PurposeInput
  ) {
    personSearch(
      name: $name
      address: $address
      postalCode: $postalCode
      birthYear: $birthYear
      purpose: $purpose
      why: $why
    ) {
      tooMany
      total
      people {
        personalNumber
        givenName
        surname
        birthYear
        deceased
        address {
          street
          postalCode
          city
        }
      }
    }
  }
`);

/** A department that did not answer is said in Swedish; anything else with the hub's own words. */
function failureText(error: unknown): string {
  const first = (error as { errors?: { extensions?: { code?: unknown; department?: unknown } }[] })
    .errors?.[0];
  const code = first?.extensions?.code;
  const department = first?.extensions?.department;
  if ((code === 'SOURCE_UNAVAILABLE' || code === 'SOURCE_INVALID_RESPONSE') && typeof department === 'string')
    return strings.search.sourceDown(department);
  return `${strings.search.failed} ${(error as Error).message}`;
}

/** Age in whole years from the personal number's date (samordningsnummer: day + 60). */
export function ageOf(personalNumber: string, today = new Date()): number {
  const year = Number(personalNumber.slice(0, 4));
  const month = Number(personalNumber.slice(4, 6));
  const day = Number(personalNumber.slice(6, 8)) % 60;
  const hadBirthday =
    today.getMonth() + 1 > month || (today.getMonth() + 1 === month && today.getDate() >= day);
  return today.getFullYear() - year - (hadBirthday ? 0 : 1);
}

/**
 * A name (and address) search in the population register: the candidates, each opening the
 * person as a personal-number lookup does. Too many is said as such; a register that does
 * not answer is a failure with a retry, never "no hit".
 */
export function SearchView({
  text,
  purpose,
  why = null,
}: {
  text: string;
  purpose: string;
  why?: LookupWhy | null;
}) {
  const parsed = classifySearch(text);
  const args = parsed?.kind === 'name' ? parsed.name : null;
  const { data, loading, error, refetch } = useQuery(PERSON_SEARCH, {
    variables: {
      name: args?.name,
      address: args?.address,
      postalCode: args?.postalCode,
      birthYear: args?.birthYear,
      purpose,
      why,
    },
    fetchPolicy: 'network-only',
    skip: !args,
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const result = data?.personSearch;
  const listed = !!result && !result.tooMany && result.people.length > 0;
  useEffect(() => {
    // The answer takes the focus, so '/' is free for the next search.
    if (listed) headingRef.current?.focus();
  }, [listed]);

  if (!args) return <SearchOutcome kind="no-hit">{strings.search.noHit(text)}</SearchOutcome>;
  if (error)
    return (
      <SearchOutcome kind="failed" onRetry={() => void refetch().catch(() => undefined)}>
        {failureText(error)}
      </SearchOutcome>
    );
  if (loading || !data) return <p role="status">{strings.loading}</p>;
  // Null: the hub answers a search that touched a protected person exactly as an empty one.
  if (!result || (!result.tooMany && result.people.length === 0))
    return <SearchOutcome kind="no-hit">{strings.search.noHit(text)}</SearchOutcome>;
  if (result.tooMany)
    return <SearchOutcome kind="no-hit">{strings.search.tooMany(result.total)}</SearchOutcome>;
  return (
    <section aria-labelledby="search-heading" data-testid="search-results">
      <h1 id="search-heading" ref={headingRef} tabIndex={-1}>
        {strings.search.heading(text)}{' '}
        <span className="muted">({strings.search.count(result.people.length)})</span>
      </h1>
      <div className="table-scroll">
        <table className="candidates">
          <thead>
            <tr>
              <th scope="col">{strings.search.name}</th>
              <th scope="col">{strings.search.born}</th>
              <th scope="col">{strings.search.personalNumber}</th>
              <th scope="col">{strings.search.address}</th>
            </tr>
          </thead>
          <tbody>
            {result.people.map((p) => {
              const name = `${p.givenName} ${p.surname}`;
              return (
                <tr key={p.personalNumber} data-testid="candidate">
                  <td>
                    <a
                      href={hrefOf({ view: 'person', personalNumber: p.personalNumber })}
                      aria-label={strings.search.open(name)}
                    >
                      {name}
                    </a>
                    {p.deceased ? <span className="muted"> ({strings.search.deceased})</span> : null}
                  </td>
                  <td className="nowrap">{strings.search.bornText(p.birthYear, ageOf(p.personalNumber))}</td>
                  <td className="nowrap">{formatPersonalNumber(p.personalNumber)}</td>
                  <td>
                    {p.address
                      ? `${p.address.street}, ${p.address.postalCode} ${p.address.city}`
                      : strings.search.noAddress}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{strings.search.protectedNote}</p>
    </section>
  );
}
