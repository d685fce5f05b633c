import type { DataSource } from 'typeorm';
import type { JobOutbox, JobQueue } from '@frontdoor/jobs';
import type { CaseChangeSubscriber } from './cases/case-change';
import { CaseJobsFollowCases } from './cases/case-jobs-follow-cases';
import { CaseService } from './cases/case.service';
import { CitizenNoticesFollowCases } from './messaging/citizen-notices-follow-cases';
import { StatisticsFollowCases } from './statistics/statistics-follow-cases';
import { SurveyFollowsCases } from './survey/survey-follows-cases';

/**
 * Who follows the case chain, in order: the statistics first (they store a derived column on
 * the case), then the case chain's own jobs (group mail, SLA alarm, wake-up), then the citizen's
 * notices and the survey's one question. The one list, so every process that changes cases does
 * the same.
 */
export function caseChainSubscribers(): CaseChangeSubscriber[] {
  return [
    new StatisticsFollowCases(),
    new CaseJobsFollowCases(),
    new CitizenNoticesFollowCases(),
    new SurveyFollowsCases(),
  ];
}

/** The case chain as the hub runs it: the case service with every part that follows its changes. */
export function createCaseChain(
  dataSource: DataSource,
  queue: JobQueue,
  now?: () => Date,
  outbox?: JobOutbox,
): CaseService {
  return new CaseService(dataSource, queue, caseChainSubscribers(), now, outbox);
}
