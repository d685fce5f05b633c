import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from './gql';
import type { CallerIdentificationFieldsFragment } from './gql/graphql';

const FIELDS = graphql(`
  fragment CallerIdentificationFields on CallerIdentificationInfo {
    id
    state
    message
    validUntil
  }
`);
void FIELDS;

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

export type Identification = CallerIdentificationFieldsFragment;

/** This console's identification of the caller: the one the banner and the person view both show. */
interface IdentificationState {
  /** Who is being (or was) identified in this session, and how it goes. */
  personalNumber: string | null;
  current: Identification | null;
  error: string | null;
  starting: boolean;
  begin(personalNumber: string, callId: string | null): void;
  stop(): void;
  /** Called once per completion: the views read again so the secrecy departments appear. */
  onCompleted(listener: () => void): () => void;
}

const Context = createContext<IdentificationState | null>(null);

/**
 * Holds the agent's identification of the person on the line, once for the whole console, and
 * polls BankID (through the hub) every 2 s while it is pending: the call banner and the person
 * view show the same state, so one press anywhere is seen everywhere and polled once.
 */
export function IdentificationProvider({ children }: { children: ReactNode }) {
  const [personalNumber, setPersonalNumber] = useState<string | null>(null);
  const [current, setCurrent] = useState<Identification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [start, started] = useMutation(START);
  const [collect] = useMutation(COLLECT);
  const [cancel] = useMutation(CANCEL);
  const listeners = useRef(new Set<() => void>());

  const pendingId = current?.state === 'PENDING' ? current.id : null;

  // One collect per tick while pending; the next tick is set only once this one has answered.
  // Counted, not keyed on the answer: an answer equal to the last one (the same hint twice) may
  // come back as the same object, and polling must not stop on it.
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!pendingId) return;
    const timer = setTimeout(() => {
      collect({ variables: { id: pendingId } })
        .then((result) => {
          const next = result.data?.collectCallerIdentification;
          if (!next) return;
          setCurrent(next);
          setPolls((n) => n + 1);
          if (next.state === 'COMPLETE') for (const listener of listeners.current) listener();
        })
        // The hub could not ask: said so, and no more polls (the agent cancels or starts again).
        .catch((e: Error) => setError(e.message));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [pendingId, polls, collect]);

  const begin = useCallback(
    (pn: string, callId: string | null) => {
      setError(null);
      setPersonalNumber(pn);
      setCurrent(null);
      start({ variables: { personalNumber: pn, callId } })
        .then((result) => setCurrent(result.data?.startCallerIdentification ?? null))
        .catch((e: Error) => setError(e.message));
    },
    [start],
  );
  const stop = useCallback(() => {
    if (!pendingId) return;
    cancel({ variables: { id: pendingId } })
      .then((result) => setCurrent(result.data?.cancelCallerIdentification ?? null))
      .catch((e: Error) => setError(e.message));
  }, [cancel, pendingId]);
  const onCompleted = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const value = useMemo(
    () => ({ personalNumber, current, error, starting: started.loading, begin, stop, onCompleted }),
    [personalNumber, current, error, started.loading, begin, stop, onCompleted],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The console's one identification state (inside IdentificationProvider). */
export function useIdentification(): IdentificationState {
  const state = useContext(Context);
  if (!state) throw new Error('useIdentification outside IdentificationProvider');
  return state;
}

/** Calls `listener` whenever an identification completes in this console (to read again). */
export function useOnIdentified(listener: () => void): void {
  const { onCompleted } = useIdentification();
  useEffect(() => onCompleted(listener), [onCompleted, listener]);
}
