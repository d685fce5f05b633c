// Test helpers of the job port, at `@frontdoor/jobs/testing`: kept out of the main entry point
// so that a production process never loads them.
export { testRedis } from './test-redis';
