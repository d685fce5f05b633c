import { useId, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { REPORT_PUPIL_SICK } from '../queries';
import { texts } from '../texts';

const t = texts.sickReport;
const PARTS = ['FULL_DAY', 'MORNING', 'AFTERNOON'] as const;

/** The school's day (Europe/Stockholm) and the next, as YYYY-MM-DD. */
function schoolDays(now = new Date()): [today: string, tomorrow: string] {
  const day = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(at);
  const today = day(now);
  const next = new Date(`${today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return [today, next.toISOString().slice(0, 10)];
}

/**
 * "Sjukanmäl": a guardian reports her child sick for today or tomorrow. The hub checks custody
 * before the school system is asked; the answer (registered, or why not) is read out in a status
 * message that takes the focus. One idempotency key per report, so a double click books once.
 */
export function SickReport({
  child,
  guardian,
  onReported,
}: {
  child: string;
  guardian: string;
  onReported: () => void;
}) {
  const [today, tomorrow] = schoolDays();
  const [date, setDate] = useState(today);
  const [partOfDay, setPartOfDay] = useState<(typeof PARTS)[number]>('FULL_DAY');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [report, { loading }] = useMutation(REPORT_PUPIL_SICK);
  const headingId = useId();
  const result = useRef<HTMLParagraphElement>(null);

  const submit = async () => {
    setOutcome(null);
    try {
      const { data } = await report({
        variables: {
          key,
          input: { pupilPersonalNumber: child, guardianPersonalNumber: guardian, date, partOfDay },
        },
      });
      const receipt = data!.reportPupilSick;
      setOutcome({
        ok: receipt.registered,
        text: receipt.registered ? receipt.label : `${t.notRegistered} ${receipt.label}`,
      });
      setKey(crypto.randomUUID());
      if (receipt.registered) onReported();
    } catch (error) {
      const message = CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : null;
      const refused = CombinedGraphQLErrors.is(error) && error.errors[0]?.extensions?.code === 'FORBIDDEN';
      setOutcome({ ok: false, text: refused && message ? `${t.notRegistered} ${message}` : t.failed });
    }
    // Tell screen readers and keyboard users at once what happened.
    requestAnimationFrame(() => result.current?.focus());
  };

  return (
    <section aria-labelledby={headingId} data-testid="sick-report">
      <h4 id={headingId}>{t.heading}</h4>
      <p>{t.intro}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t.day}</legend>
          {[
            [today, t.today(today)],
            [tomorrow, t.tomorrow(tomorrow)],
          ].map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="sick-day"
                value={value}
                checked={date === value}
                onChange={() => setDate(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.part}</legend>
          {PARTS.map((part) => (
            <label key={part}>
              <input
                type="radio"
                name="sick-part"
                value={part}
                checked={partOfDay === part}
                onChange={() => setPartOfDay(part)}
              />{' '}
              {t.parts[part]}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={loading}>
          {loading ? t.sending : t.submit}
        </button>
      </form>
      {outcome ? (
        <p
          ref={result}
          tabIndex={-1}
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? undefined : 'warning'}
          data-testid="sick-report-result"
        >
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
