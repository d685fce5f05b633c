/**
 * The version of the plugin contract this SDK implements. A plugin declares the range it
 * was built for (`sdk: '^1'`); the hub refuses a plugin whose range does not include this.
 * Bump the major on any change a plugin author would have to react to.
 * 2.0: person sources declare `whereabouts`; detail fields and queries declare their `mandate`.
 * 3.0: the hub owns the department connection (base URL, auth, health, idempotency key): plugins
 *   call `ctx.http` with relative paths; 404 is "nothing here" only when declared and proven by
 *   the health check; queries declare `whereabouts`; `queries`/`actions` are typed callbacks.
 * 4.0: person sources and queries declare `placeIds` (identifiers of a place, blanked like
 *   whereabouts); queries declare `findsByPlace` (a protected subject's answer is withheld).
 * 4.1: a plugin may declare its department's `secrecy` class (a `secrecy` department starts
 *   closed); `statuses` is told who reads (`reader.kind`: citizen, staff, representative); a status item may carry an `action` (label and https or #anchor link: where the citizen
 *   does it) and a `payment` (OCR, bankgiro, amount in öre). Optional: 4.0 plugins are unchanged.
 * 4.2: person sources may declare `statusLevels` (the level needed to see a status kind),
 *   `details` (several detail fields, each with its own level) and `secretFields` (answer paths
 *   never to appear in a status text). Optional: 4.1 plugins are unchanged.
 * 4.3: an action may declare `onBehalfOf` (the representative and the subject: the hub checks
 *   custody or a power before the department is asked) and `citizens: 'self-or-represented'`
 *   (a signed-in citizen may run it for herself or someone she represents). Optional: 4.2
 *   plugins are unchanged.
 * 4.4: a person source may declare `closedToRepresentatives(answer)` (a Swedish reason when the
 *   answer must not reach a guardian or an ombud, e.g. sekretess mot vårdnadshavare): the hub
 *   withholds the department from readers on a representation. Optional: 4.3 plugins are unchanged.
 */
export const SDK_VERSION = '4.4.0';
