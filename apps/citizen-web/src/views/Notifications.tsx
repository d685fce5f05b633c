import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import type { CitizenPageQuery, NotificationChannel } from '../gql/graphql';
import { SET_PREFERENCE } from '../queries';
import { texts } from '../texts';

const CHOICES: { channel: NotificationChannel; label: string }[] = [
  { channel: 'EMAIL', label: texts.notifications.email },
  { channel: 'SMS', label: texts.notifications.sms },
  { channel: 'MAILBOX', label: texts.notifications.mailbox },
  { channel: 'NONE', label: texts.notifications.none },
];

/** The citizen's own choice: e-mail, a text or the digital mailbox when something happens in their cases, or none. */
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
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const phoneText = String(form.get('phone') ?? '').trim();
    // The hub checks it too; here the citizen hears at once, in Swedish.
    const phone = channel === 'SMS' && phoneText ? parsePhoneNumberFromString(phoneText, 'SE') : undefined;
    if (phone !== undefined && !phone?.isValid()) {
      setMessage(texts.notifications.badPhone);
      return;
    }
    try {
      await save({
        variables: {
          channel,
          email: channel === 'EMAIL' && email ? email : null,
          phone: phone ? phone.number : null,
        },
      });
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
          {CHOICES.map((choice) => (
            <label className="choice" key={choice.channel}>
              <input
                type="radio"
                name="channel"
                checked={channel === choice.channel}
                onChange={() => setChannel(choice.channel)}
              />
              {choice.label}
            </label>
          ))}
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
        {channel === 'SMS' ? (
          <>
            <label htmlFor="notify-phone">{texts.notifications.phone}</label>
            <input
              id="notify-phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              defaultValue={preference.phone ?? ''}
            />
          </>
        ) : null}
        {channel !== 'NONE' ? <p className="help">{texts.notifications.fallback}</p> : null}
        <button type="submit" className="secondary" disabled={loading}>
          {texts.notifications.save}
        </button>
        {message ? <p role="status">{message}</p> : null}
      </form>
    </section>
  );
}
