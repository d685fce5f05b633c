import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { CallerIdentificationFieldsFragment } from '../gql/graphql';
import { strings } from '../strings';

const FIELDS = graphql(`
  fragment CallerIdentificationFields on CallerIdentificationInfo {
    id
    state
    message
    validUntil
  }
`);
void FIELDS;

const LATEST = graphql(`
  query LatestCallerIdentification($personalNumber: String!) {
    callerIdentification(personalNumber: $personalNumber) {
      ...CallerIdentificationFields
    }
  }
`);
const START = graphql(`
  mutation StartCallerIdentification($personalNumber: String!, $callId: String) {
    startCallerIdentification(personalNumber: $personalNumber, callId: $callId) {
      ...CallerIdentificationFields
    }
  }
`);
const COLLECT = graphql(`
  mutation CollectCallerIdentification($id: ID!) {
    collectCallerIdentification(id: $id) {
      ...CallerIdentificationFields
    }
  }
`);
const CANCEL = graphql(`
  mutation CancelCallerIdentification($id: ID!) {
    cancelCallerIdentification(id: $id) {
      ...CallerIdentificationFields
    }
  }
`);

/** BankID's own rhythm for collect: one poll every 2 s (each is one round trip to BankID). */
const POLL_MS = 2000;

type Identification = CallerIdentificationFieldsFragment;

/**
 * "Identifiera med BankID" for a person whose secrecy departments wait for it (decision 0076):
 * starts BankID's phone authentication, polls every 2 s showing BankID's hint in Swedish, and
 * once identified tells the person view to read again, so the departments appear without reload.
 */
export function CallerIdentification({
  personalNumber,
  callId,
  withheldDepartments,
  onIdentified,
}: {
  personalNumber: string;
  callId: string | null;
  /** Secrecy departments withheld for want of an identification (none: nothing to do here). */
  withheldDepartments: string[];
  onIdentified: () => void;
}) {
  const latest = useQuery(LATEST, { variables: { personalNumber }, fetchPolicy: 'network-only' });
  const [current, setCurrent] = useState<Identification | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Counts the collects answered: the next poll is armed by this, not by `current`, because
  // BankID answers the same hint many times while the person is in the app, and an answer equal
  // to the last one may come back as the very same object (no re-render: polling would stop).
  const [collects, setCollects] = useState(0);
  const [start, started] = useMutation(START);
  const [collect] = useMutation(COLLECT);
  const [cancel] = useMutation(CANCEL);

  const shown = current ?? latest.data?.callerIdentification ?? null;
  // Identified as far as the hub says: nothing withheld for want of it (a call that ended closes it again).
  const valid =
    shown?.state === 'COMPLETE' &&
    !!shown.validUntil &&
    Date.parse(shown.validUntil) > Date.now() &&
    !withheldDepartments.length;
  // Just completed: the person view is reading the departments again; say so meanwhile.
  const justCompleted = current?.state === 'COMPLETE';
  const pending = current?.state === 'PENDING';
  const pendingId = pending ? current.id : null;

  // One collect per tick while pending; the next tick is set only once this one has answered.
  useEffect(() => {
    if (!pendingId) return;
    const timer = setTimeout(() => {
      collect({ variables: { id: pendingId } })
        .then((result) => {
          const next = result.data?.collectCallerIdentification;
          if (!next) return;
          setCurrent(next);
          setCollects((n) => n + 1);
          if (next.state === 'COMPLETE') onIdentified();
        })
        .catch((e: Error) => setError(e.message));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [pendingId, collects, collect, onIdentified]);

  if (!withheldDepartments.length && !valid) return null;

  const begin = () => {
    setError(null);
    start({ variables: { personalNumber, callId } })
      .then((result) => setCurrent(result.data?.startCallerIdentification ?? null))
      .catch((e: Error) => setError(e.message));
  };
  const stop = () => {
    if (!pendingId) return;
    cancel({ variables: { id: pendingId } })
      .then((result) => setCurrent(result.data?.cancelCallerIdentification ?? null))
      .catch((e: Error) => setError(e.message));
  };
  const failed = shown && (shown.state === 'FAILED' || shown.state === 'CANCELLED') && current;

  return (
    <section
      aria-labelledby="identification-heading"
      className="identification"
      data-testid="caller-identification"
    >
      <h2 id="identification-heading">{strings.person.identification.heading}</h2>
      {valid ? (
        <p className="identified" data-testid="identification-done">
          {shown.message}
        </p>
      ) : (
        <>
          <p>{strings.person.identification.needed(withheldDepartments.join(', '))}</p>
          <p role="status" aria-live="polite" data-testid="identification-status">
            {pending || justCompleted ? current.message : ''}
          </p>
          {failed ? (
            <p role="alert" className="notice" data-testid="identification-failed">
              {shown.message}
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="notice">
              {strings.person.identification.failed} {error}
            </p>
          ) : null}
          {justCompleted ? null : pending ? (
            <button type="button" onClick={stop}>
              {strings.person.identification.cancel}
            </button>
          ) : (
            <button type="button" onClick={begin} disabled={started.loading}>
              {failed ? strings.person.identification.again : strings.person.identification.start}
            </button>
          )}
        </>
      )}
    </section>
  );
}
