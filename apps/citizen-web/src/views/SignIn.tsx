import { useState } from 'react';
import type { Auth } from '../auth';
import type { RuntimeConfig } from '../runtime-config';
import { texts } from '../texts';

/** Sign-in with e-ID (the OIDC issuer), or the embedded default's demo citizens, clearly marked. */
export function SignIn({
  auth,
  config,
  failure,
  onSignedIn,
}: {
  auth: Auth;
  config: RuntimeConfig;
  failure: string | null;
  onSignedIn: () => void;
}) {
  const [error, setError] = useState<string | null>(failure);
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
      <h1>{texts.appName}</h1>
      <p>{texts.signIn.intro}</p>
      {!showDemo ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => (auth.usesOidc ? void go(() => auth.signInWithIssuer()) : setShowDemo(true))}
        >
          {busy ? texts.signIn.signingIn : texts.signIn.button}
        </button>
      ) : (
        <section aria-labelledby="demo-heading">
          <h2 id="demo-heading">{texts.signIn.demoHeading}</h2>
          <p className="notice">{texts.signIn.demoNotice}</p>
          <ul className="plain">
            {config.demoUsers.map((user) => (
              <li key={user.id}>
                <button
                  type="button"
                  data-user={user.id}
                  disabled={busy}
                  onClick={() => void go(() => auth.signInAsDemoCitizen(user.id))}
                >
                  {user.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error ? (
        <p role="alert" className="error">
          {texts.signIn.failed} {error}
        </p>
      ) : null}
    </main>
  );
}
