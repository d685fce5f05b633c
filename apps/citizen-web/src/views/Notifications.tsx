import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { CitizenPageQuery, NotificationChannel } from '../gql/graphql';
import { SET_PREFERENCE } from '../queries';
import { texts } from '../texts';

/** The citizen's own choice: e-mail when something happens in their cases, or none. */
export function Notifications({
  preference,
}: {
  preference: CitizenPageQuery['me']['notificationPreference'];
}) {
  const [save, { loading }] = useMutation(SET_PREFERENCE);
  const [channel, setChannel] = useState<NotificationChannel>(preference.channel);
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    try {
      await save({ variables: { channel, email: channel === 'EMAIL' && email ? email : null } });
      setMessage(texts.notifications.saved);
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="notify-heading">
      <h2 id="notify-heading">{texts.notifications.heading}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend className="visually-hidden">{texts.notifications.heading}</legend>
          <label className="choice">
            <input
              type="radio"
              name="channel"
              checked={channel === 'EMAIL'}
              onChange={() => setChannel('EMAIL')}
            />
            {texts.notifications.email}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="channel"
              checked={channel === 'NONE'}
              onChange={() => setChannel('NONE')}
            />
            {texts.notifications.none}
          </label>
        </fieldset>
        {channel === 'EMAIL' ? (
          <>
            <label htmlFor="notify-email">{texts.notifications.address}</label>
            <input
              id="notify-email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={preference.email ?? ''}
            />
          </>
        ) : null}
        <button type="submit" className="secondary" disabled={loading}>
          {texts.notifications.save}
        </button>
        {message ? <p role="status">{message}</p> : null}
      </form>
    </section>
  );
}
