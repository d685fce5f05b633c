/**
 * Thrown by a plugin when its department cannot answer for a reason the plugin knows
 * (e.g. "no export imported yet"). The hub reports it as SOURCE_UNAVAILABLE with this
 * reason, which an agent may read: keep it free of secrets and personal data.
 */
export class SourceUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SourceUnavailableError';
  }
}

/**
 * Thrown when a department's answer is not what the plugin can read (wrong shape, an
 * export with unexpected columns). The hub reports it as SOURCE_INVALID_RESPONSE.
 */
export class SourceAnswerInvalidError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'SourceAnswerInvalidError';
  }
}
