import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { CitizenPageQuery } from '../gql/graphql';
import { REQUEST_CALLBACK } from '../queries';
import { texts } from '../texts';

/**
 * Asking to be rung back instead of queueing: the number and a time or "as soon as possible".
 * The hub decides (opening hours, one open callback, a few a day) and says why in Swedish.
 */
export function Callback({
  open,
  onRequested,
}: {
  open: CitizenPageQuery['me']['callbacks'];
  onRequested: () => void;
}) {
  const [request, { loading }] = useMutation(REQUEST_CALLBACK);
  const [when, setWhen] = useState<'asap' | 'at'>('asap');
  const [message, setMessage] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = String(form.get('number') ?? '').trim();
    const time = String(form.get('time') ?? '');
    if (when === 'at' && !time) {
      setMessage(texts.callback.timeMissing);
      return;
    }
    try {
      const result = await request({
        variables: { input: { number, callAt: when === 'at' ? new Date(time).toISOString() : null } },
      });
      const asked = result.data?.requestCallback;
      setMessage(asked ? texts.callback.open(asked.number, asked.statusText) : null);
      onRequested();
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="callback-heading" data-testid="callback">
      <h2 id="callback-heading">{texts.callback.heading}</h2>
      {open.length ? (
        <ul>
          {open.map((c) => (
            <li key={c.id} data-testid="callback-open">
              {texts.callback.open(c.number, c.statusText)}
            </li>
          ))}
        </ul>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p>{texts.callback.intro}</p>
          <label htmlFor="callback-number">{texts.callback.number}</label>
          <input id="callback-number" name="number" type="tel" autoComplete="tel" required />
          <fieldset>
            <legend>{texts.callback.when}</legend>
            <label className="choice">
              <input type="radio" name="when" checked={when === 'asap'} onChange={() => setWhen('asap')} />
              {texts.callback.asap}
            </label>
            <label className="choice">
              <input type="radio" name="when" checked={when === 'at'} onChange={() => setWhen('at')} />
              {texts.callback.at}
            </label>
          </fieldset>
          {when === 'at' ? (
            <>
              <label htmlFor="callback-time">{texts.callback.time}</label>
              <input id="callback-time" name="time" type="datetime-local" />
            </>
          ) : null}
          <button type="submit" className="secondary" disabled={loading}>
            {texts.callback.submit}
          </button>
        </form>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
