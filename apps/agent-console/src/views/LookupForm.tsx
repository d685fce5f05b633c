import { useId, useState, type FormEvent } from 'react';
import { lookupStarted } from '../lookup-timing';
import { classifyLookup } from '../personal-number';
import { navigate } from '../route';
import { strings } from '../strings';

export const LOOKUP_INPUT_ID = 'lookup-input';

/**
 * Personal number (checked as typed), case reference, name or address; `/` anywhere focuses it.
 * Every submit first calls `onSearch`: the previous person leaves the screen whatever comes
 * back, so nothing can be registered on them by mistake.
 */
export function LookupForm({ onSearch }: { onSearch?: () => void }) {
  const [value, setValue] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const hintId = useId();
  const statusId = useId();
  const input = classifyLookup(value);
  const problem =
    input.kind === 'invalid'
      ? strings.lookup.invalidPersonalNumber
      : submitted && input.kind === 'incomplete'
        ? strings.lookup.incomplete
        : submitted && input.kind === 'invalid-reference'
          ? strings.lookup.invalidReference
          : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    onSearch?.();
    if (input.kind === 'personal-number') {
      lookupStarted();
      navigate({ view: 'person', personalNumber: input.personalNumber });
    } else if (input.kind === 'address') {
      navigate({ view: 'property', address: input.address });
    } else if (input.kind === 'case-reference') {
      navigate({ view: 'reference', reference: input.reference });
    } else if (input.kind === 'name') {
      navigate({ view: 'search', text: value.trim().replace(/\s+/g, ' ') });
    } else {
      // Nothing to look up: still no previous person left on screen; the field says what is wrong.
      navigate({ view: 'lookup' });
    }
  }

  return (
    <form role="search" className="lookup" onSubmit={onSubmit} noValidate>
      <label htmlFor={LOOKUP_INPUT_ID}>{strings.lookup.label}</label>
      <div className="lookup-row">
        <input
          id={LOOKUP_INPUT_ID}
          name="lookup"
          type="search"
          autoComplete="off"
          value={value}
          aria-describedby={`${hintId} ${statusId}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setSubmitted(false);
          }}
        />
        <button type="submit">{strings.lookup.button}</button>
      </div>
      <span id={hintId} className="hint">
        {strings.lookup.hint}
      </span>
      <span id={statusId} role="status" className={problem ? 'field-error' : 'field-ok'}>
        {problem ??
          (input.kind === 'personal-number'
            ? input.coordination
              ? strings.lookup.validCoordinationNumber
              : strings.lookup.validPersonalNumber
            : '')}
      </span>
    </form>
  );
}
