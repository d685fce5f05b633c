import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApolloProvider, useApolloClient } from '@apollo/client/react';
import { SignIn } from '@frontdoor/browser-auth';
import { createApolloClient } from './apollo';
import { Auth, type SessionCheck } from './auth/session';
import { hrefOf, navigate, useRoute, type Route } from './route';
import type { RuntimeConfig } from './runtime-config';
import { pendingScreenPop } from './screen-pop';
import { strings } from './strings';
import {
  CallBanner,
  linkableCall,
  nextCall,
  openCaller,
  useMyCalls,
  type CurrentCall,
} from './views/CallBanner';
import { CALL_STATE, useCurrentCallOnConnect } from './current-call';
import { IdentificationProvider } from './identification-state';
import { CaseView } from './views/CaseView';
import { CONTACT_FIRST_FIELD_ID } from './views/ContactForm';
import { LOOKUP_INPUT_ID, LookupForm } from './views/LookupForm';
import { PersonView } from './views/PersonView';
import { PropertyView } from './views/PropertyView';
import { ReferenceView } from './views/ReferenceView';
import { SearchView } from './views/SearchView';
import { CallbacksView } from './views/CallbacksView';
import { NowView } from './views/NowView';
import { QueueView } from './views/QueueView';
import { purposeFromList } from './lookup-purpose';

// The chart library is only loaded when statistics are opened: the person view paints sooner.
const StatsView = lazy(() => import('./views/StatsView').then((m) => ({ default: m.StatsView })));

/** Signs in, then shows the console to staff; a citizen gets a notice and no data. */
export function App({ config }: { config: RuntimeConfig }) {
  const auth = useMemo(() => new Auth(config), [config]);
  const [check, setCheck] = useState<SessionCheck | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(() => {
    auth
      .completeRedirect()
      .then(() => auth.check())
      .then(setCheck)
      .catch((e: Error) => {
        setFailure(e.message);
        setCheck({ kind: 'signed-out' });
      });
  }, [auth]);
  useEffect(refresh, [refresh]);

  const signOut = useCallback(() => void auth.signOut().then(refresh), [auth, refresh]);
  // Listening from the first render: a shortcut pressed the moment the console appears works.
  useKeyboardShortcuts();

  if (!check) return <p role="status">{strings.loading}</p>;
  if (check.kind === 'signed-out') {
    return (
      <>
        <SignIn
          auth={auth}
          texts={{ appName: strings.appName, ...strings.signIn }}
          demoUsers={config.demoUsers}
          demoUserLabel={(user) => `${user.name} (${strings.roles[user.role] ?? user.role})`}
          autoFocus
          onSignedIn={refresh}
        />
        {failure ? <p role="alert">{failure}</p> : null}
      </>
    );
  }
  if (check.kind === 'not-staff') {
    return (
      <main id="content" className="sign-in">
        <h1 data-testid="not-staff">{strings.signIn.notStaff}</h1>
        <p data-testid="not-staff-detail">
          {strings.signIn.notStaffDetail}{' '}
          <a href={strings.signIn.citizenHref}>{strings.signIn.citizenPage}</a>.
        </p>
        <button type="button" onClick={signOut}>
          {strings.signIn.signOut}
        </button>
      </main>
    );
  }
  return <Console config={config} session={check.session} onSignOut={signOut} />;
}

interface ConsoleProps {
  config: RuntimeConfig;
  session: NonNullable<Extract<SessionCheck, { kind: 'staff' }>['session']>;
  onSignOut: () => void;
}

function Console({ config, session, onSignOut }: ConsoleProps) {
  const client = useMemo(() => createApolloClient(session.token, onSignOut), [session.token, onSignOut]);

  return (
    <ApolloProvider client={client}>
      <IdentificationProvider>
        <ConsoleBody config={config} session={session} onSignOut={onSignOut} />
      </IdentificationProvider>
    </ApolloProvider>
  );
}

function ConsoleBody({ config, session, onSignOut }: ConsoleProps) {
  const client = useApolloClient();
  const route = useRoute();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const [call, setCall] = useState<CurrentCall | null>(null);
  // Why this agent looks someone up, on every audit row: the call, the open case, or the default.
  const lookupPurpose = call?.callId ?? openCaseId ?? strings.defaultPurpose;
  // The same, as a purpose from the hub's list: departments configured to need one get it.
  const lookupWhy = purposeFromList(config.purposeReasons, call !== null, openCaseId);
  // Bumped by every submitted search: the views below start over, even for the same person.
  const [searchNo, setSearchNo] = useState(0);
  const searched = useCallback(() => setSearchNo((n) => n + 1), []);
  const managerial = session.role === 'manager' || session.role === 'admin';
  useEffect(() => {
    if (route.view === 'queue' || route.view === 'lookup' || route.view === 'stats' || route.view === 'now')
      setOpenCaseId(null);
  }, [route.view]);
  // A call answered on this agent's line (webhook → subscription), its end, or popped by URL.
  const noticed = useCallback((next: CurrentCall) => setCall((shown) => nextCall(shown, next)), []);
  useMyCalls(noticed);
  // After a reload or a dropped socket: the call the agent is on, from the hub.
  const shownCall = useRef(call);
  useEffect(() => {
    shownCall.current = call;
  }, [call]);
  const currentShown = useCallback(() => shownCall.current, []);
  const [callUnknown, setCallUnknown] = useState(false);
  useCurrentCallOnConnect(currentShown, noticed, setCallUnknown);
  useEffect(() => {
    const pop = pendingScreenPop();
    if (!pop) return;
    const fallback: CurrentCall = {
      callId: pop.callId,
      queueName: null,
      from: pop.cid,
      fromText: pop.cid,
      ivrPersonalNumber: null,
    };
    client
      .query({ query: CALL_STATE, variables: { callId: pop.callId }, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        const known = data?.call ?? fallback;
        setCall(known);
        openCaller(known);
      })
      // Not (yet) in the contact log, or not this agent's: the number from the URL is all there is.
      .catch(() => setCall(fallback));
  }, [client]);
  // Alt+P opens the caller's person (the personal number keyed in the IVR).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (call && event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP') {
        event.preventDefault();
        openCaller(call);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call]);

  // The caller as the banner identifies them: the number keyed in the IVR, else the person open.
  const identifyOnBanner =
    call && !call.endedAt
      ? (call.ivrPersonalNumber ?? (route.view === 'person' ? route.personalNumber : null))
      : null;

  return (
    <>
      <a
        href="#content"
        className="skip-link"
        onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}
      >
        {strings.skipToContent}
      </a>
      <header className="top">
        <div className="brand">{strings.appName}</div>
        <nav aria-label={strings.nav.label}>
          <ul>
            <NavLink route={{ view: 'lookup' }} current={route} label={strings.nav.lookup} />
            <NavLink route={{ view: 'queue' }} current={route} label={strings.nav.queue} />
            <NavLink route={{ view: 'callbacks' }} current={route} label={strings.nav.callbacks} />
            <NavLink route={{ view: 'stats' }} current={route} label={strings.nav.stats} />
            {managerial ? <NavLink route={{ view: 'now' }} current={route} label={strings.nav.now} /> : null}
          </ul>
        </nav>
        <LookupForm onSearch={searched} />
        <div className="who">
          <span data-testid="signed-in-as">
            {strings.signIn.signedInAs(session.name, strings.roles[session.role] ?? session.role)}
          </span>{' '}
          <button type="button" onClick={onSignOut}>
            {strings.signIn.signOut}
          </button>
        </div>
      </header>
      {call ? <CallBanner call={call} onDismiss={() => setCall(null)} identify={identifyOnBanner} /> : null}
      {callUnknown ? (
        <p role="alert" className="notice call-unknown">
          {strings.call.unknown}
        </p>
      ) : null}
      <main id="content" tabIndex={-1} key={searchNo}>
        {route.view === 'person' ? (
          <PersonView
            key={route.personalNumber}
            personalNumber={route.personalNumber}
            highlight={route.highlight}
            purpose={lookupPurpose}
            why={lookupWhy}
            config={config}
            call={linkableCall(call)}
            identifiedOnBanner={identifyOnBanner === route.personalNumber}
          />
        ) : route.view === 'reference' ? (
          <ReferenceView key={route.reference} reference={route.reference} />
        ) : route.view === 'search' ? (
          <SearchView key={route.text} text={route.text} purpose={lookupPurpose} why={lookupWhy} />
        ) : route.view === 'property' ? (
          <PropertyView key={route.address} address={route.address} purpose={lookupPurpose} why={lookupWhy} />
        ) : route.view === 'queue' ? (
          <QueueView myGroups={session.answerGroups} allGroups={config.answerGroups} />
        ) : route.view === 'callbacks' ? (
          <CallbacksView />
        ) : route.view === 'case' ? (
          <CaseView
            key={route.id}
            id={route.id}
            canAssign={session.role !== 'agent'}
            subject={session.subject}
            onOpen={setOpenCaseId}
          />
        ) : route.view === 'now' && managerial ? (
          <NowView />
        ) : route.view === 'stats' ? (
          <Suspense fallback={<p role="status">{strings.loading}</p>}>
            <StatsView managerial={managerial} />
          </Suspense>
        ) : (
          <section aria-labelledby="home-heading">
            <h1 id="home-heading">{strings.lookup.heading}</h1>
            <p>{strings.lookup.hint}</p>
          </section>
        )}
      </main>
      <footer className="shortcuts">
        <h2>{strings.shortcuts.heading}</h2>
        <ul>
          <li>{strings.shortcuts.lookup}</li>
          <li>{strings.shortcuts.nav}</li>
          <li>{strings.shortcuts.register}</li>
          <li>{strings.shortcuts.caller}</li>
        </ul>
      </footer>
    </>
  );
}

function NavLink({ route, current, label }: { route: Route; current: Route; label: string }) {
  const active =
    current.view === route.view ||
    (route.view === 'lookup' && ['person', 'property', 'search', 'reference'].includes(current.view));
  return (
    <li>
      <a href={hrefOf(route)} aria-current={active ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

/** `/` focuses the lookup; Alt+1/2/3 switch view; Alt+R jumps to the contact form. */
function useKeyboardShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target &&
        (target.tagName === 'INPUT' ||
          target.tagName === 'TEXTAREA' ||
          target.tagName === 'SELECT' ||
          target.isContentEditable);
      // In the lookup box itself '/' is the shortcut too (no search has a '/'): never typed into it.
      const inLookup = target?.id === LOOKUP_INPUT_ID;
      if (event.key === '/' && (!typing || inLookup) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        // A new caller replaces the last one: the box is focused with its text selected.
        const input = document.getElementById(LOOKUP_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const views: Record<string, Route> = {
        Digit1: { view: 'lookup' },
        Digit2: { view: 'queue' },
        Digit3: { view: 'stats' },
        Digit4: { view: 'now' },
        Digit5: { view: 'callbacks' },
      };
      if (views[event.code]) {
        event.preventDefault();
        navigate(views[event.code]);
      } else if (event.code === 'KeyR') {
        event.preventDefault();
        document.getElementById(CONTACT_FIRST_FIELD_ID)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
