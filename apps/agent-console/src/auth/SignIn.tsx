import { useState } from 'react';
import type { RuntimeConfig } from '../runtime-config';
import { strings } from '../strings';
import type { Auth } from './session';

/**
 * The sign-in page: a button to the OIDC issuer, or, in the embedded default without an
 * issuer, the demo role picker (clearly marked as a demo).
 */
export function SignIn({
  auth,
  config,
  onSignedIn,
}: {
  auth: Auth;
  config: RuntimeConfig;
  onSignedIn: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showDemo, setShowDemo] = useState(false);

  async function go(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onSignedIn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="content" className="sign-in">
      <h1>{strings.appName}</h1>
      <p>{strings.signIn.intro}</p>
      {!showDemo ? (
        <button
          type="button"
          autoFocus
          disabled={busy}
          onClick={() => (auth.usesOidc ? void go(() => auth.signInWithIssuer()) : setShowDemo(true))}
        >
          {busy ? strings.signIn.signingIn : strings.signIn.button}
        </button>
      ) : (
        <section aria-labelledby="demo-heading" className="demo">
          <h2 id="demo-heading">{strings.signIn.demoHeading}</h2>
          <p className="demo-notice">{strings.signIn.demoNotice}</p>
          <ul className="plain">
            {config.demoUsers.map((user, i) => (
              <li key={user.id}>
                <button
                  type="button"
                  data-user={user.id}
                  autoFocus={i === 0}
                  disabled={busy}
                  onClick={() => void go(() => auth.signInAsDemoUser(user.id))}
                >
                  {user.name} ({strings.roles[user.role] ?? user.role})
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error ? (
        <p role="alert" className="error">
          {strings.signIn.failed} {error}
        </p>
      ) : null}
    </main>
  );
}
