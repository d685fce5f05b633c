import {
  answeringPluginByCategory,
  avoidableContactsReport,
  badUserInput,
  isMonth,
  monthlyCoverage,
  type AvoidableContactsReport,
  type CaseSetup,
  type CoverageFigure,
} from '@frontdoor/core';
import type { DataSource } from 'typeorm';

/** Validates the month and computes the figures against the category catalogue's `answeredBy`. */
export class ContactCoverageService {
  private readonly answeredBy: Map<string, string>;

  constructor(
    private readonly dataSource: DataSource,
    cases: Pick<CaseSetup, 'categories'>,
  ) {
    this.answeredBy = answeringPluginByCategory(cases);
  }

  coverage(month: string): Promise<CoverageFigure> {
    return monthlyCoverage(this.dataSource, checkMonth(month), this.answeredBy);
  }

  avoidable(month: string): Promise<AvoidableContactsReport> {
    return avoidableContactsReport(this.dataSource, checkMonth(month), this.answeredBy);
  }
}

function checkMonth(month: string): string {
  if (!isMonth(month)) throw badUserInput('month: give a month as YYYY-MM.', 'month');
  return month;
}
