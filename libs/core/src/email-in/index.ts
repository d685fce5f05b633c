export {
  EmailAttachment,
  EmailMessage,
  type EmailDirection,
  type EmailDisposition,
} from './email-message.entities';
export { EmailIntake, type EmailIntakeSettings, type Envelope, type IntakeOutcome } from './email-intake';
export { EmailSending, EMAIL_SEND_JOB, emailSendJobId, type EmailSendPayload } from './email-sending';
export { InboundSmtpListener, type InboundSmtpSettings } from './inbound-smtp-listener';
export { sniffAttachmentType } from './attachment-type';
export { personalNumberIn, maskPersonalNumbers } from './personal-number-in-text';
export { EmailAnswers, type ThreadMail } from './email-answers';
export { ImapPoller, type ImapSettings } from './imap-poller';
