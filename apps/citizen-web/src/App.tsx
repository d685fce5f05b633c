import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { SignIn } from '@frontdoor/browser-auth';
import { createApolloClient } from './apollo';
import { citizenAuth } from './auth';
import type { RuntimeConfig } from './runtime-config';
import { MY_PAGE } from './queries';
import { texts } from './texts';
import { NextSteps } from './views/NextSteps';
import { Matters } from './views/Matters';
import { Cases } from './views/Cases';
import { AskQuestion } from './views/AskQuestion';
import { ACCESS_PAGE_SIZE, AccessHistory } from './views/AccessHistory';
import { Callback } from './views/Callback';
import { Notifications } from './views/Notifications';
import { Representation } from './views/Representation';

export function App({ config }: { config: RuntimeConfig }) {
  const auth = useMemo(() => citizenAuth(config), [config]);
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    auth
      .completeRedirect()
      .then(() => setToken(auth.token))
      .catch((error: Error) => {
        setFailure(error.message);
        setToken(null);
      });
  }, [auth]);

  const signedOut = useCallback(() => {
    auth.forget();
    setToken(null);
  }, [auth]);
  const client = useMemo(() => (token ? createApolloClient(token, signedOut) : null), [token, signedOut]);

  return (
    <>
      <a className="skip" href="#content">
        {texts.skip}
      </a>
      <header className="top">
        <p className="municipality">{texts.municipality}</p>
        {client ? (
          <button type="button" className="secondary" onClick={() => void auth.signOut().then(signedOut)}>
            {texts.signOut}
          </button>
        ) : null}
      </header>
      {token === undefined ? (
        <main id="content">
          <p role="status">{texts.loading}</p>
        </main>
      ) : client ? (
        <ApolloProvider client={client}>
          <MyPage onNotCitizen={signedOut} />
        </ApolloProvider>
      ) : (
        <SignIn
          auth={auth}
          texts={{ appName: texts.appName, ...texts.signIn }}
          demoUsers={config.demoUsers}
          failure={failure}
          onSignedIn={() => setToken(auth.token)}
        />
      )}
    </>
  );
}

function MyPage({ onNotCitizen }: { onNotCitizen: () => void }) {
  const { data, error, refetch } = useQuery(MY_PAGE, {
    variables: { accessPage: ACCESS_PAGE_SIZE },
    fetchPolicy: 'network-only',
    // A department that is down leaves an error beside the rest: show the rest, and say which is missing.
    errorPolicy: 'all',
  });
  const forbidden =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'FORBIDDEN');
  if (forbidden)
    return (
      <main id="content">
        <h1>{texts.appName}</h1>
        <p role="alert" data-testid="not-citizen">
          {texts.signIn.notCitizen}
        </p>
        <button type="button" onClick={onNotCitizen}>
          {texts.signOut}
        </button>
      </main>
    );
  if (!data?.me)
    return (
      <main id="content">
        <h1>{texts.appName}</h1>
        <p role={error ? 'alert' : 'status'}>{error ? texts.failed : texts.loading}</p>
        {error ? <p className="meta">Teknisk information: {error.message}</p> : null}
      </main>
    );
  const { person, accessLog, notificationPreference } = data.me;
  return (
    <main id="content" data-testid="my-page">
      <h1>{texts.appName}</h1>
      <NextSteps statuses={person.statuses} cases={person.cases} />
      <Matters statuses={person.statuses} sources={person.sources} />
      <Cases cases={person.cases} />
      <Representation ownPersonalNumber={person.personalNumber} />
      <AskQuestion categories={data.questionCategories} onAsked={() => void refetch()} />
      <Callback open={data.me.callbacks} onRequested={() => void refetch()} />
      <Notifications preference={notificationPreference} />
      <AccessHistory first={accessLog} />
    </main>
  );
}
