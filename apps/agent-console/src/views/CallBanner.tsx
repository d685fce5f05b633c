import { useEffect } from 'react';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';
import { formatPersonalNumber } from '../format';
import { navigate } from '../route';
import { strings } from '../strings';

const MY_CALLS = graphql(`
  subscription MyCalls {
    myCalls {
      callId
      queueName
      from
      fromText
      ivrPersonalNumber
      waitedSeconds
    }
  }
`);

/** The call on this agent's line, as the console holds it. */
export interface CurrentCall {
  callId: string;
  queueName: string | null;
  /** E.164 or as given by the screen-pop URL; null when withheld. */
  from: string | null;
  fromText: string | null;
  ivrPersonalNumber: string | null;
}

/** Listens for calls this agent answers (the hub sends each only to its agent) and hands them up. */
export function useAnsweredCalls(onCall: (call: CurrentCall) => void): void {
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

/** The call on the line: who rings, from which queue, and the one key that opens the person. */
export function CallBanner({ call, onDismiss }: { call: CurrentCall; onDismiss: () => void }) {
  return (
    <section className="call-banner" aria-labelledby="call-heading" data-testid="call-banner">
      <h2 id="call-heading">{strings.call.heading(call.queueName)}</h2>
      <p>
        {strings.call.from}:{' '}
        <strong data-testid="call-from">{call.fromText ?? call.from ?? strings.call.withheld}</strong>
      </p>
      {call.ivrPersonalNumber ? (
        <p>
          {strings.call.ivr}: <strong>{formatPersonalNumber(call.ivrPersonalNumber)}</strong>{' '}
          <button type="button" onClick={() => openCaller(call)} data-testid="open-caller">
            {strings.call.open}
          </button>
        </p>
      ) : (
        <p className="muted">{strings.call.noIvr}</p>
      )}
      <button type="button" onClick={onDismiss}>
        {strings.call.dismiss}
      </button>
    </section>
  );
}
