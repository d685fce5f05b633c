import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { PowerShownFragment } from '../gql/graphql';
import { ON_BEHALF, REPRESENTATION } from '../queries';
import { dayDate, texts } from '../texts';
import { Matters } from './Matters';
import { SickReport } from './SickReport';

const t = texts.representation;

/** 12 digits as people write them: 20240229-2383. */
const personalNumberText = (pn: string) => `${pn.slice(0, 8)}-${pn.slice(8)}`;

interface Represented {
  personalNumber: string;
  label: string;
  /** A child in the citizen's custody of school age (förskoleklass from the year she turns 6). */
  pupilAge: boolean;
}

const schoolAge = (birthDate: string) => new Date().getFullYear() - Number(birthDate.slice(0, 4)) >= 6;

/** The department a guardian reports a pupil sick to (plugin school-absence). */
const SCHOOL_ABSENCE = 'school-absence';

/**
 * "Du företräder": the children in the citizen's custody and the people whose powers of attorney
 * they hold, a choice of whose matters to show (the hub decides on that very read and says why a
 * department is withheld), and the powers given and received.
 */
export function Representation({ ownPersonalNumber }: { ownPersonalNumber: string }) {
  const { data, error } = useQuery(REPRESENTATION, { fetchPolicy: 'network-only', errorPolicy: 'all' });
  const [chosen, setChosen] = useState<string>('');
  const [shown, setShown] = useState<string | null>(null);
  const selectId = useId();
  if (!data?.me && !error) return null;
  const custodyMissing =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.path?.includes('childrenInCustody'));
  const children = data?.me?.childrenInCustody ?? [];
  const received = (data?.me?.powersReceived ?? []).filter((p) => p.state === 'ACTIVE');
  const represented: Represented[] = [
    ...children.map((c) => ({
      personalNumber: c.personalNumber,
      label: t.child(dayDate(c.birthDate)),
      pupilAge: schoolAge(c.birthDate),
    })),
    ...[...new Set(received.map((p) => p.principalPersonalNumber))]
      .filter((pn) => !children.some((c) => c.personalNumber === pn))
      .map((pn) => ({ personalNumber: pn, label: t.principal(personalNumberText(pn)), pupilAge: false })),
  ];
  const shownPerson = represented.find((r) => r.personalNumber === shown);
  return (
    <section aria-labelledby="representation-heading" data-testid="representation">
      <h2 id="representation-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {custodyMissing || (error && !data?.me) ? (
        <p role="alert" className="warning">
          {t.custodyMissing}
        </p>
      ) : null}
      {represented.length === 0 ? (
        custodyMissing ? null : (
          <p>{t.none}</p>
        )
      ) : (
        <form
          className="choose-person"
          onSubmit={(event) => {
            event.preventDefault();
            setShown(chosen || represented[0]!.personalNumber);
          }}
        >
          <label htmlFor={selectId}>{t.whose}</label>
          <select id={selectId} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {represented.map((r) => (
              <option key={r.personalNumber} value={r.personalNumber}>
                {r.label}
              </option>
            ))}
          </select>
          <button type="submit">{t.show}</button>
        </form>
      )}
      {shownPerson ? (
        <OnBehalf key={shownPerson.personalNumber} person={shownPerson} guardian={ownPersonalNumber} />
      ) : null}
      <h3>{t.powersHeading}</h3>
      <Powers
        heading={t.given}
        powers={data?.me?.powersGiven ?? []}
        other={(p) => t.to(personalNumberText(p.agentPersonalNumber))}
      />
      <Powers
        heading={t.received}
        powers={data?.me?.powersReceived ?? []}
        other={(p) => t.from(personalNumberText(p.principalPersonalNumber))}
      />
    </section>
  );
}

function OnBehalf({ person, guardian }: { person: Represented; guardian: string }) {
  const { data, error, refetch } = useQuery(ON_BEHALF, {
    variables: { personalNumber: person.personalNumber },
    fetchPolicy: 'network-only',
    errorPolicy: 'all',
  });
  if (!data?.person) {
    const refusal = CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : null;
    return (
      <div data-testid="on-behalf">
        <p role={error ? 'alert' : 'status'} className={error ? 'warning' : undefined}>
          {error ? (refusal ? `${t.refused} ${refusal}` : texts.failed) : t.loading}
        </p>
      </div>
    );
  }
  const withheld = data.person.sources.filter((s) => s.state === 'WITHHELD');
  // The school's system answered for the child: the guardian may report her sick there.
  const pupil =
    person.pupilAge && data.person.sources.some((s) => s.plugin === SCHOOL_ABSENCE && s.state === 'OK');
  return (
    <div data-testid="on-behalf">
      {data.person.protectedIdentity ? <p className="notice">{t.protectedPerson}</p> : null}
      <Matters
        id="on-behalf-matters"
        heading={t.mattersOf(person.label.charAt(0).toLowerCase() + person.label.slice(1))}
        statuses={data.person.statuses}
        sources={data.person.sources}
      />
      {pupil ? (
        <SickReport child={person.personalNumber} guardian={guardian} onReported={() => void refetch()} />
      ) : null}
      {withheld.length ? (
        <ul className="withheld" aria-label={t.refused}>
          {withheld.map((s) => (
            <li key={s.plugin}>{t.withheld(s.department, s.reason ?? '')}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Powers({
  heading,
  powers,
  other,
}: {
  heading: string;
  powers: PowerShownFragment[];
  other: (power: PowerShownFragment) => string;
}) {
  const headingId = useId();
  return (
    <>
      <h4 id={headingId}>{heading}</h4>
      {powers.length === 0 ? (
        <p>{t.noPowers}</p>
      ) : (
        <ul className="cards" aria-labelledby={headingId} data-testid="powers">
          {powers.map((p) => (
            <li key={p.id} className="card">
              <p>
                <strong>{other(p)}</strong> · {t.state[p.state] ?? p.state}
              </p>
              <p>{t.scope(p.departments, p.allOpenDepartments)}</p>
              <p className="meta">{t.validity(p.validFrom, p.validTo)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
