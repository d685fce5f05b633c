/** What the row-1 yardsticks answer to `{ plugins { id } }`: the embedded config's plugin ids, as the gateway does. */
export const YARDSTICK_PLUGINS: ReadonlyArray<{ id: string }> = [
  'childcare-queue',
  'invoicing',
  'waste-collection',
  'building-permits',
  'population-register',
].map((id) => ({ id }));
