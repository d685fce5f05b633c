import { useState } from 'react';
import type { BrowserAuth, DemoUser } from './browser-auth';

/** The page's words on its sign-in screen (each app keeps its own, in its texts file). */
export interface SignInTexts {
  appName: string;
  intro: string;
  button: string;
  signingIn: string;
  demoHeading: string;
  demoNotice: string;
  /** Put before the reason when signing in failed. */
  failed: string;
}

/**
 * The sign-in screen: a button to the OIDC issuer, or, in the embedded default without an
 * issuer, the demo picker (clearly marked as a demo).
 */
export function SignIn<User extends DemoUser>({
  auth,
  texts,
  demoUsers,
  demoUserLabel = (user) => user.name,
  failure = null,
  autoFocus = false,
  onSignedIn,
}: {
  auth: BrowserAuth;
  texts: SignInTexts;
  demoUsers: readonly User[];
  /** A demo user's button text; the name when not given. */
  demoUserLabel?: (user: User) => string;
  /** Why the last sign-in failed (shown until the next attempt). */
  failure?: string | null;
  /** Focus the sign-in button, and then the first demo user (the console: a screen for work). */
  autoFocus?: boolean;
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
      <p>{texts.intro}</p>
      {!showDemo ? (
        <button
          type="button"
          autoFocus={autoFocus}
          disabled={busy}
          onClick={() => (auth.usesOidc ? void go(() => auth.signInWithIssuer()) : setShowDemo(true))}
        >
          {busy ? texts.signingIn : texts.button}
        </button>
      ) : (
        <section aria-labelledby="demo-heading" className="demo">
          <h2 id="demo-heading">{texts.demoHeading}</h2>
          <p className="demo-notice">{texts.demoNotice}</p>
          <ul className="plain">
            {demoUsers.map((user, i) => (
              <li key={user.id}>
                <button
                  type="button"
                  data-user={user.id}
                  autoFocus={autoFocus && i === 0}
                  disabled={busy}
                  onClick={() => void go(() => auth.signInAsDemoUser(user))}
                >
                  {demoUserLabel(user)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error ? (
        <p role="alert" className="error">
          {texts.failed} {error}
        </p>
      ) : null}
    </main>
  );
}
