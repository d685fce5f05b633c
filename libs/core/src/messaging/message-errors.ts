/**
 * The channel will not take this message, however often it is tried (a number the SMS
 * provider rejects, a citizen without a digital mailbox that accepts the sender): the next
 * channel is used at once instead of retrying.
 */
export class MessageRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageRefused';
  }
}

/** The provider answered, but not in the shape its API promises: retried like a provider down. */
export class ProviderAnswerInvalid extends Error {
  constructor(provider: string, detail: string) {
    super(`${provider} answered something unexpected: ${detail}`);
    this.name = 'ProviderAnswerInvalid';
  }
}
