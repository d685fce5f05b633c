import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { PersonViewQuery } from '../gql/graphql';
import { formatDate, formatDateTime, formatPersonalNumber, keepValuesWhole } from '../format';
import { personPainted } from '../lookup-timing';
import { hrefOf } from '../route';
import { strings } from '../strings';
import type { LookupWhy } from '../lookup-purpose';
import type { RuntimeConfig } from '../runtime-config';
import type { CurrentCall } from './CallBanner';
import { ContactForm } from './ContactForm';
import { summarySince } from '../caller-summary';
import { CallerSummary } from './CallerSummary';
import { CallerIdentification } from './CallerIdentification';
import { useOnIdentified } from '../identification-state';
import { SearchOutcome } from './SearchOutcome';

const PERSON_VIEW = graphql(`
  query PersonView($personalNumber: String!, $purpose: String, $why: PurposeInput, $since: DateTime!) {
    person(personalNumber: $personalNumber, purpose: $purpose, why: $why) {
      personalNumber
      protectedIdentity
      populationRecord {
        givenName
        surname
        protectedRegistration
        confidentialityMarking
        address {
          street
          postalCode
          city
        }
      }
      statuses {
        source
        kind
        reference
        title
        state
        label
        updatedAt
        dueDate
        nextStep
        asOf
      }
      childcareQueue {
        applications {
          applicationId
          offer {
            unitName
          }
        }
      }
      sources {
        plugin
        department
        state
        asOf
        errorCode
        reason
        withheldFor
      }
      cases {
        ...SummaryCase
      }
    }
    # The caller summary's last 30 days, in the same request (open ones of any age come from cases).
    recentCases: cases(filter: { personalNumber: $personalNumber, createdFrom: $since }, first: 100) {
      edges {
        node {
          ...SummaryCase
        }
      }
    }
  }
  fragment SummaryCase on CaseInfo {
    id
    reference
    status
    summary
    createdAt
    overdue
    dueText
    dueRemainingText
    wakeDate
    category {
      name
    }
    answerGroup {
      name
    }
  }
`);

type PersonData = NonNullable<PersonViewQuery['person']>;
type StatusRow = PersonData['statuses'][number];

/**
 * Most urgent first: what the citizen must do (Väntar på dig) by the soonest date, then other
 * matters with a date, soonest first, then the rest, newest first.
 */
export function byUrgency(a: StatusRow, b: StatusRow): number {
  const rank = (s: StatusRow) => (s.state === 'WAITING_FOR_CUSTOMER' ? 0 : s.dueDate ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.dueDate && b.dueDate && a.dueDate !== b.dueDate) return a.dueDate.localeCompare(b.dueDate);
  return (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '');
}

/** Everything about the caller at a glance, and the contact registered beside it. */
export function PersonView({
  personalNumber,
  purpose,
  why = null,
  config,
  call = null,
  highlight,
  identifiedOnBanner = false,
}: {
  personalNumber: string;
  /** A case reference to point out in the summary (the agent searched by it). */
  highlight?: string;
  purpose: string;
  /** The same purpose from the hub's list (departments may need one); null when the hub has none to match. */
  why?: LookupWhy | null;
  config: RuntimeConfig;
  /** The call on the line: the contact form carries its id and callback number. */
  call?: CurrentCall | null;
  /** The call banner identifies this person: the panel is not repeated here. */
  identifiedOnBanner?: boolean;
}) {
  // Fixed at mount: a re-render must not move the window (and refetch).
  const [since] = useState(summarySince);
  const { data, loading, error, refetch } = useQuery(PERSON_VIEW, {
    variables: { personalNumber, purpose, why, since },
    fetchPolicy: 'network-only',
    // A department that is down leaves its part out with an error beside the data: keep both.
    errorPolicy: 'all',
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const person = data?.person;
  // The caller identified: the secrecy departments now answer; read them without a reload.
  const reread = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  // Whoever was identified, here or on the banner (a guardian, for the child open here).
  useOnIdentified(reread);

  // Once per person shown: a later change (the contact just registered) must not pull the focus to the top.
  const shown = Boolean(person);
  useEffect(() => {
    if (!shown) return;
    personPainted();
    headingRef.current?.focus();
  }, [shown]);

  if (loading && !person) return <p role="status">{strings.loading}</p>;
  if (!person) {
    // Never the previous person: what failed, and a retry; or no hit, said as such.
    return error ? (
      <SearchOutcome kind="failed" onRetry={() => void refetch().catch(() => undefined)}>
        {strings.person.loadError} {error.message}
      </SearchOutcome>
    ) : (
      <SearchOutcome kind="no-hit">
        {strings.person.notFound(formatPersonalNumber(personalNumber))}
      </SearchOutcome>
    );
  }
  const record = person.populationRecord;
  const name = record ? `${record.givenName} ${record.surname}` : formatPersonalNumber(person.personalNumber);
  return (
    <div className="person-layout" data-testid="person-view">
      <section aria-labelledby="person-heading" className="person-main">
        <h1 id="person-heading" ref={headingRef} tabIndex={-1}>
          {name} <span className="pn">{formatPersonalNumber(person.personalNumber)}</span>
        </h1>
        {person.protectedIdentity ? (
          <p className="protected" role="note" data-testid="protected-identity">
            <strong>{strings.person.protected}</strong> {strings.person.protectedDetail}
          </p>
        ) : record?.address ? (
          <p>
            {strings.person.registeredAddress}: {record.address.street}, {record.address.postalCode}{' '}
            {record.address.city}
          </p>
        ) : null}
        <SourceNotices sources={person.sources} />
        {/* On a call about this person, the banner holds the identification (the same state). */}
        {identifiedOnBanner ? null : (
          <CallerIdentification
            variant="person"
            personalNumber={person.personalNumber}
            callId={call?.callId ?? null}
            withheldDepartments={person.sources
              .filter((s) => s.withheldFor === 'CALLER_NOT_IDENTIFIED')
              .map((s) => s.department)}
          />
        )}
        <CallerSummary
          cases={person.cases}
          recent={data?.recentCases?.edges.map((e) => e.node) ?? null}
          highlight={highlight}
        />
        <StatusList person={person} />
        <PersonCases cases={person.cases} highlight={highlight} />
      </section>
      <ContactForm personalNumber={person.personalNumber} config={config} call={call} />
    </div>
  );
}

/**
 * Departments that did not answer, answered from the cache, or keep the person's matters from the
 * identified caller (sekretess mot vårdnadshavare: the hub's reason, to refer the caller): an empty
 * list must never read as "no matters" there.
 */
function SourceNotices({ sources }: { sources: PersonData['sources'] }) {
  const troubled = sources.filter(
    (s) =>
      s.state === 'FAILED' ||
      s.state === 'STALE' ||
      (s.state === 'WITHHELD' && s.withheldFor === 'CLOSED_TO_REPRESENTATIVES'),
  );
  if (!troubled.length) return null;
  return (
    <div className="notices">
      {troubled.map((s) => (
        <p key={s.plugin} role="alert" className="notice" data-testid={`source-notice-${s.plugin}`}>
          {s.state === 'STALE'
            ? strings.person.sourceStale(s.department, formatDateTime(s.asOf))
            : s.state === 'WITHHELD'
              ? strings.person.sourceClosedToRepresentatives(s.department, s.reason)
              : strings.person.sourceFailed(s.department)}
        </p>
      ))}
    </div>
  );
}

function StatusList({ person }: { person: PersonData }) {
  const departmentOf = new Map(person.sources.map((s) => [s.plugin, s] as const));
  // The offer row names the preschool the offer is from (the childcare detail has it).
  const offeredUnit = new Map(
    (person.childcareQueue?.applications ?? []).flatMap((a) =>
      a.offer ? [[a.applicationId, a.offer.unitName] as const] : [],
    ),
  );
  return (
    <section aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">{strings.person.statuses}</h2>
      {person.statuses.length === 0 ? (
        <p>{strings.person.noStatuses}</p>
      ) : (
        // Focusable: a table wider than a phone scrolls by keyboard too (WCAG 2.1.1).
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="statuses-heading">
          <table className="statuses">
            <thead>
              <tr>
                <th scope="col">{strings.person.nextStep}</th>
                <th scope="col">{strings.person.dueDate}</th>
                <th scope="col">{strings.person.label}</th>
                <th scope="col">{strings.person.title}</th>
                <th scope="col">{strings.person.department}</th>
                <th scope="col">{strings.person.updated}</th>
              </tr>
            </thead>
            <tbody>
              {[...person.statuses].sort(byUrgency).map((s) => {
                const source = departmentOf.get(s.source);
                const unit = s.source === 'childcare-queue' ? offeredUnit.get(s.reference) : undefined;
                return (
                  <tr key={`${s.source}:${s.reference}`} data-source={s.source}>
                    <td>{keepValuesWhole(s.nextStep)}</td>
                    <td className="nowrap">{formatDate(s.dueDate)}</td>
                    <td className={`state state-${s.state.toLowerCase()}`} data-testid="status-label">
                      {keepValuesWhole(s.label)}
                      {unit ? `: ${unit}` : ''}
                    </td>
                    <td>
                      {keepValuesWhole(s.title)} <span className="reference nowrap">{s.reference}</span>
                    </td>
                    <td>
                      {source?.department ?? s.source}
                      {source?.state === 'STALE' ? (
                        <span className="stale"> ({formatDateTime(s.asOf)})</span>
                      ) : null}
                    </td>
                    <td className="nowrap">{formatDateTime(s.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PersonCases({ cases, highlight }: { cases: PersonData['cases']; highlight?: string }) {
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">{strings.person.cases}</h2>
      {cases.length === 0 ? (
        <p>{strings.person.noCases}</p>
      ) : (
        <ul className="plain">
          {cases.slice(0, 10).map((c) => (
            <li key={c.id} className={c.reference === highlight ? 'highlight' : undefined}>
              <a href={hrefOf({ view: 'case', id: c.id })}>{c.reference}</a> {c.category.name}: {c.summary} –{' '}
              {strings.caseStatus[c.status]}{' '}
              {c.overdue ? <strong className="overdue">{strings.queue.overdue}</strong> : null}{' '}
              <span className="muted">{formatDateTime(c.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
