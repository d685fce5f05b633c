import { useEffect, useRef, type ReactNode } from 'react';
import { strings } from '../strings';

/**
 * What a search ended in when there is nothing to show: no hit, or a failure with a retry.
 * It takes the focus (out of the lookup box), so it is read out and the next `/` starts
 * a new search instead of being typed.
 */
export function SearchOutcome({
  kind,
  children,
  onRetry,
}: {
  kind: 'no-hit' | 'failed';
  children: ReactNode;
  onRetry?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={kind === 'failed' ? 'alert' : 'status'}
      className={kind === 'failed' ? 'error search-outcome' : 'search-outcome'}
      data-testid={`search-${kind}`}
    >
      <p>{children}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {strings.lookup.retry}
        </button>
      ) : null}
    </div>
  );
}
