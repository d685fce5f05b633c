/**
 * The version of the plugin contract this SDK implements. A plugin declares the range it
 * was built for (`sdk: '^1'`); the hub refuses a plugin whose range does not include this.
 * Bump the major on any change a plugin author would have to react to.
 * 2.0: person sources declare `whereabouts`; detail fields and queries declare their `mandate`.
 */
export const SDK_VERSION = '2.0.0';
