import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { useIdentification } from '../identification-state';
import { strings } from '../strings';

const LATEST = graphql(`
  query LatestCallerIdentification($personalNumber: String!) {
    callerIdentification(personalNumber: $personalNumber) {
      ...CallerIdentificationFields
    }
  }
`);

/**
 * "Identifiera med BankID" (decision 0076): starts BankID's phone authentication, shows BankID's
 * hint in Swedish while the console polls, a cancel, and the identified state. The state is the
 * console's one (IdentificationProvider): on the call banner (`banner`, for the caller's
 * personal number, before any person is open) and on the person view (`person`, when secrecy
 * departments wait for it) it is the same identification, polled once.
 */
export function CallerIdentification({
  personalNumber,
  callId,
  withheldDepartments,
  variant,
}: {
  personalNumber: string;
  callId: string | null;
  /** Person view: secrecy departments withheld for want of an identification (none: nothing to do here). */
  withheldDepartments?: string[];
  variant: 'banner' | 'person';
}) {
  const headingId = useId();
  const state = useIdentification();
  const latest = useQuery(LATEST, { variables: { personalNumber }, fetchPolicy: 'network-only' });
  const ours = state.personalNumber === personalNumber;
  const current = ours ? state.current : null;
  const shown = current ?? latest.data?.callerIdentification ?? null;
  const withheld = withheldDepartments ?? [];
  // Identified as far as the hub says (a call that ended closes it again); on the person view,
  // also nothing withheld for want of it.
  const valid =
    shown?.state === 'COMPLETE' &&
    !!shown.validUntil &&
    Date.parse(shown.validUntil) > Date.now() &&
    !withheld.length;
  // Just completed: the views are reading the departments again; say so meanwhile.
  const justCompleted = current?.state === 'COMPLETE';
  const pending = current?.state === 'PENDING';
  const failed = current && (current.state === 'FAILED' || current.state === 'CANCELLED');
  const error = ours ? state.error : null;

  if (variant === 'person' && !withheld.length && !valid) return null;
  const texts = strings.person.identification;

  return (
    <section
      aria-labelledby={headingId}
      className={`identification identification-${variant}`}
      data-testid={variant === 'banner' ? 'banner-identification' : 'caller-identification'}
      data-state={valid ? 'identified' : pending ? 'pending' : 'idle'}
    >
      <h2 id={headingId}>{texts.heading}</h2>
      {valid ? (
        <p className="identified" data-testid="identification-done">
          {shown.message}
        </p>
      ) : (
        <>
          <p className="identification-why">
            {variant === 'banner' ? texts.onCall : texts.needed(withheld.join(', '))}
          </p>
          <p role="status" aria-live="polite" data-testid="identification-status">
            {pending || justCompleted ? current.message : ''}
          </p>
          {failed ? (
            <p role="alert" className="notice" data-testid="identification-failed">
              {current.message}
            </p>
          ) : null}
          {error ? (
            <p role="alert" className="notice">
              {texts.failed} {error}
            </p>
          ) : null}
          {justCompleted ? null : pending ? (
            <button type="button" onClick={state.stop}>
              {texts.cancel}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => state.begin(personalNumber, callId)}
              disabled={state.starting}
            >
              {failed ? texts.again : texts.start}
            </button>
          )}
        </>
      )}
    </section>
  );
}
