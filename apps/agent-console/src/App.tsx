import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './apollo';
import { Auth, type SessionCheck } from './auth/session';
import { SignIn } from './auth/SignIn';
import { hrefOf, navigate, useRoute, type Route } from './route';
import type { RuntimeConfig } from './runtime-config';
import { strings } from './strings';
import { CaseView } from './views/CaseView';
import { CONTACT_FIRST_FIELD_ID } from './views/ContactForm';
import { LOOKUP_INPUT_ID, LookupForm } from './views/LookupForm';
import { PersonView } from './views/PersonView';
import { PropertyView } from './views/PropertyView';
import { QueueView } from './views/QueueView';

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
        <SignIn auth={auth} config={config} onSignedIn={refresh} />
        {failure ? <p role="alert">{failure}</p> : null}
      </>
    );
  }
  if (check.kind === 'not-staff') {
    return (
      <main id="content" className="sign-in">
        <h1 data-testid="not-staff">{strings.signIn.notStaff}</h1>
        <p>{strings.signIn.notStaffDetail}</p>
        <button type="button" onClick={signOut}>
          {strings.signIn.signOut}
        </button>
      </main>
    );
  }
  return <Console config={config} session={check.session} onSignOut={signOut} />;
}

function Console({
  config,
  session,
  onSignOut,
}: {
  config: RuntimeConfig;
  session: NonNullable<Extract<SessionCheck, { kind: 'staff' }>['session']>;
  onSignOut: () => void;
}) {
  const client = useMemo(() => createApolloClient(session.token, onSignOut), [session.token, onSignOut]);
  const route = useRoute();
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  useEffect(() => {
    if (route.view === 'queue' || route.view === 'lookup' || route.view === 'stats') setOpenCaseId(null);
  }, [route.view]);

  return (
    <ApolloProvider client={client}>
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
            <NavLink route={{ view: 'stats' }} current={route} label={strings.nav.stats} />
          </ul>
        </nav>
        <LookupForm />
        <div className="who">
          <span data-testid="signed-in-as">
            {strings.signIn.signedInAs(session.name, strings.roles[session.role] ?? session.role)}
          </span>{' '}
          <button type="button" onClick={onSignOut}>
            {strings.signIn.signOut}
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        {route.view === 'person' ? (
          <PersonView
            key={route.personalNumber}
            personalNumber={route.personalNumber}
            purpose={openCaseId ?? strings.defaultPurpose}
            config={config}
          />
        ) : route.view === 'property' ? (
          <PropertyView key={route.address} address={route.address} />
        ) : route.view === 'queue' ? (
          <QueueView myGroups={session.answerGroups} allGroups={config.answerGroups} />
        ) : route.view === 'case' ? (
          <CaseView
            key={route.id}
            id={route.id}
            canAssign={session.role !== 'agent'}
            subject={session.subject}
            onOpen={setOpenCaseId}
          />
        ) : route.view === 'stats' ? (
          <Suspense fallback={<p role="status">{strings.loading}</p>}>
            <StatsView />
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
        </ul>
      </footer>
    </ApolloProvider>
  );
}

function NavLink({ route, current, label }: { route: Route; current: Route; label: string }) {
  const active =
    current.view === route.view ||
    (route.view === 'lookup' && (current.view === 'person' || current.view === 'property'));
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
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
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
