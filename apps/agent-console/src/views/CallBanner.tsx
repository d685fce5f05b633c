import { useEffect } from 'react';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatPersonalNumber, formatTime } from '../format';
import { navigate } from '../route';
import { strings } from '../strings';
import type { CurrentCall } from '../call-state';
import { CallerIdentification } from './CallerIdentification';

const MY_CALLS = graphql(`
  subscription MyCalls {
    myCalls {
      callId
      queueName
      from
      fromText
      ivrPersonalNumber
      waitedSeconds
      endedAt
    }
  }
`);

export { linkableCall, nextCall, type CurrentCall } from '../call-state';

/**
 * Listens for the calls this agent answers and their later events (the hub sends each only to
 * its agent) and hands every notice up: the console decides what it replaces (App).
 */
export function useMyCalls(onCall: (call: CurrentCall) => void): void {
  const { data } = useSubscription(MY_CALLS);
  const latest = data?.myCalls;
  useEffect(() => {
    if (latest) onCall(latest);
  }, [latest, onCall]);
}

/** Opens the caller's person view for the call: audited with the call id as purpose (PersonView). */
export function openCaller(call: CurrentCall): void {
  if (call.ivrPersonalNumber) navigate({ view: 'person', personalNumber: call.ivrPersonalNumber });
}

/**
 * The call on the line: who rings, from which queue, how long they waited, and the one key
 * that opens the person; once the platform reports it over, an unmistakable ended state
 * (announced) that says new contacts are no longer linked to it. While the call lasts, the caller
 * can be identified with BankID from here (the IVR's number, else the person open), the same
 * identification the person view shows.
 */
export function CallBanner({
  call,
  onDismiss,
  identify,
}: {
  call: CurrentCall;
  onDismiss: () => void;
  /** Whom "Identifiera med BankID" asks BankID about; null: nobody known yet. */
  identify: string | null;
}) {
  const ended = Boolean(call.endedAt);
  return (
    <section
      className={ended ? 'call-banner ended' : 'call-banner'}
      aria-labelledby="call-heading"
      data-testid="call-banner"
      data-state={ended ? 'ended' : 'ongoing'}
    >
      <h2 id="call-heading">
        {ended ? strings.call.endedHeading(call.queueName) : strings.call.heading(call.queueName)}
      </h2>
      <p>
        {strings.call.from}:{' '}
        <strong data-testid="call-from">{call.fromText ?? call.from ?? strings.call.withheld}</strong>
        {call.waitedSeconds != null ? (
          <span data-testid="call-waited">
            {' '}
            ({strings.call.waited(strings.call.duration(call.waitedSeconds))})
          </span>
        ) : null}
      </p>
      {ended ? null : call.ivrPersonalNumber ? (
        <p>
          {strings.call.ivr}: <strong>{formatPersonalNumber(call.ivrPersonalNumber)}</strong>{' '}
          <button type="button" onClick={() => openCaller(call)} data-testid="open-caller">
            {strings.call.open}
          </button>
        </p>
      ) : (
        <p className="muted">{strings.call.noIvr}</p>
      )}
      {!ended && identify ? (
        <CallerIdentification
          key={identify}
          variant="banner"
          personalNumber={identify}
          callId={call.callId}
        />
      ) : null}
      {/* Always in the page, so the change to ended is heard, not only seen. */}
      <p role="status" data-testid="call-state" className={ended ? 'call-ended' : undefined}>
        {call.endedAt ? strings.call.ended(formatTime(call.endedAt)) : strings.call.ongoing}
      </p>
      <button type="button" onClick={onDismiss}>
        {ended ? strings.call.close : strings.call.dismiss}
      </button>
    </section>
  );
}
