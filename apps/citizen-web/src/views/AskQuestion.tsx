import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { AskQuestionMutation, CitizenPageQuery } from '../gql/graphql';
import { ASK } from '../queries';
import { texts } from '../texts';
import { WithValues } from './Values';

type Category = CitizenPageQuery['questionCategories'][number];

/** The question form: a category, the question, how to be reached; then the receipt with the reference. */
export function AskQuestion({ categories, onAsked }: { categories: Category[]; onAsked: () => void }) {
  const [ask, { loading }] = useMutation(ASK);
  const [receipt, setReceipt] = useState<AskQuestionMutation['askQuestion'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const receiptRef = useRef<HTMLDivElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      const result = await ask({
        variables: {
          input: {
            categoryKey: String(form.get('category') ?? ''),
            question: String(form.get('question') ?? ''),
            contact: {
              email: String(form.get('email') ?? '') || null,
              phone: String(form.get('phone') ?? '') || null,
            },
          },
        },
      });
      setReceipt(result.data!.askQuestion);
      onAsked();
      // The receipt takes focus, so a screen reader says it at once.
      setTimeout(() => receiptRef.current?.focus(), 0);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="ask-heading" data-testid="ask">
      <h2 id="ask-heading">{texts.ask.heading}</h2>
      {receipt ? (
        <div className="receipt" role="status" tabIndex={-1} ref={receiptRef} data-testid="receipt">
          <h3>{texts.ask.receiptHeading}</h3>
          <p>
            <WithValues text={texts.ask.receipt(receipt.reference, receipt.answerGroupName)} />
          </p>
          <p>
            <WithValues text={texts.ask.answerBy(receipt.answerByText)} />
          </p>
          <button type="button" className="secondary" onClick={() => setReceipt(null)}>
            {texts.ask.another}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate={false}>
          <p>{texts.ask.intro}</p>
          <label htmlFor="ask-category">{texts.ask.category}</label>
          <select id="ask-category" name="category" required defaultValue="">
            <option value="" disabled>
              {texts.ask.choose}
            </option>
            {categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor="ask-question">{texts.ask.question}</label>
          <textarea
            id="ask-question"
            name="question"
            required
            maxLength={4000}
            rows={5}
            aria-describedby="ask-question-help"
          />
          <p id="ask-question-help" className="help">
            {texts.ask.questionHelp}
          </p>
          <label htmlFor="ask-email">{texts.ask.email}</label>
          <input id="ask-email" name="email" type="email" autoComplete="email" required />
          <label htmlFor="ask-phone">{texts.ask.phone}</label>
          <input id="ask-phone" name="phone" type="tel" autoComplete="tel" />
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <button type="submit" disabled={loading}>
            {loading ? texts.ask.sending : texts.ask.send}
          </button>
        </form>
      )}
    </section>
  );
}
