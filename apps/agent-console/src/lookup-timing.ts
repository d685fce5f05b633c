/**
 * The time from a lookup's submit to the first frame that shows the person, as User Timing
 * marks, so browser tests (and anyone with DevTools) can read it: the `measure` named
 * PERSON_PAINT_MEASURE holds the latest lookup's duration.
 */
export const LOOKUP_MARK = 'lookup-start';
export const PERSON_PAINT_MEASURE = 'lookup-to-person-paint';

export function lookupStarted(): void {
  performance.clearMarks(LOOKUP_MARK);
  performance.clearMeasures(PERSON_PAINT_MEASURE);
  performance.mark(LOOKUP_MARK);
}

/** Call once the person is on screen: measures up to the next frame, if a lookup started it. */
export function personPainted(): void {
  requestAnimationFrame(() => {
    if (!performance.getEntriesByName(LOOKUP_MARK, 'mark').length) return;
    performance.measure(PERSON_PAINT_MEASURE, LOOKUP_MARK);
    performance.clearMarks(LOOKUP_MARK);
  });
}
