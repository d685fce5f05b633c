import type { CaseChange, CaseChangeScope, CaseChangeSubscriber } from '../cases/case-change';
import { answerWorkingDaysOf } from './answer-working-days';
import { markStatisticsDaysChanged, statisticsDayOf, statisticsKeyOf } from './statistics-rollup';

/**
 * The statistics' part of every case change: the case's answer working days are stored with it
 * (so "answered in time" is aggregated in SQL, decision 0040), and a change to what the
 * statistics count marks its day's roll-up stale in the same transaction (decision 0042).
 */
export class StatisticsFollowCases implements CaseChangeSubscriber {
  async onCaseChanged({ before, after }: CaseChange, { tx }: CaseChangeScope): Promise<void> {
    after.answerWorkingDays = answerWorkingDaysOf(after);
    if (before && statisticsKeyOf(before) !== statisticsKeyOf(after))
      await markStatisticsDaysChanged(tx, [statisticsDayOf(after.createdAt)]);
  }
}
