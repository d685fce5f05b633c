// Test helpers of the core, kept out of the main entry point: they use devDependencies.
export { startTestSmtpServer, type ReceivedMail } from './mail/test-smtp-server';
