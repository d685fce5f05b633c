import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { socketEvents } from './apollo';
import { graphql } from './gql';
import type { CurrentCall } from './call-state';

const MY_CURRENT_CALL = graphql(`
  query MyCurrentCall {
    myCurrentCall {
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

/** A call by id, as the banner shows it (the screen pop and the reconnect both read it). */
export const CALL_STATE = graphql(`
  query CallState($callId: ID!) {
    call(callId: $callId) {
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

/**
 * A console that starts (sign-in, reload) or whose WebSocket comes back asks the hub for the
 * call the agent is on: the contact log is in the database, so any gateway answers. When the
 * hub knows none but one is on screen, that call is asked for by id: its ENDED may have come
 * while the socket was down. A failed question is said (`onError`), not taken for "no call".
 */
export function useCurrentCallOnConnect(
  shown: () => CurrentCall | null,
  onCall: (call: CurrentCall) => void,
  onError: (failed: boolean) => void,
): void {
  const client = useApolloClient();
  useEffect(() => {
    let active = true;
    const ask = async () => {
      const { data } = await client.query({ query: MY_CURRENT_CALL, fetchPolicy: 'network-only' });
      const current = data?.myCurrentCall ?? null;
      const onScreen = shown();
      if (current) {
        if (active) onCall(current);
      } else if (onScreen && !onScreen.endedAt) {
        const { data: state } = await client.query({
          query: CALL_STATE,
          variables: { callId: onScreen.callId },
          fetchPolicy: 'network-only',
        });
        if (active && state?.call) onCall(state.call);
      }
    };
    const askQuietly = () =>
      void ask().then(
        () => active && onError(false),
        () => active && onError(true),
      );
    askQuietly();
    socketEvents.addEventListener('reconnected', askQuietly);
    return () => {
      active = false;
      socketEvents.removeEventListener('reconnected', askQuietly);
    };
  }, [client, shown, onCall, onError]);
}
