// Test helpers of the core, at `@frontdoor/core/testing`: kept out of the main entry point so
// that a production process never loads them (some use devDependencies), and left out of the
// production bundle (tools/bench/src/build-dist.ts). Built on the core's public entry point.
export { startTestSmtpServer, type ReceivedMail } from './test-smtp-server';
export { fakturorSetup } from './case-setup-fixture';
export {
  statisticsFixture,
  figuresOf,
  swedishDate,
  type StatisticsFixture,
  type PlainFigures,
} from './statistics-fixture';
export { startTestDovecot, dovecotBinary, type TestDovecot } from './test-dovecot';
