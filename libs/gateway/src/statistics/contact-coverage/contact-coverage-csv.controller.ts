import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { CoverageFigure } from '@frontdoor/core';
import { STAFF } from '../../platform/auth/role-groups';
import { Allow } from '../../platform/guard/allow.decorator';
import { ContactCoverageService } from './contact-coverage.service';

/** The month's coverage figure as CSV (semicolon-separated, decimal comma), as the service statistics. */
@Controller('reports')
export class ContactCoverageCsvController {
  constructor(private readonly figures: ContactCoverageService) {}

  @Get('contact-coverage.csv')
  @Allow(...STAFF)
  async csv(@Query('month') month: string, @Res() reply: FastifyReply): Promise<void> {
    // A bad month is BAD_USER_INPUT, answered 400 with its message by FrontdoorErrorFilter.
    const figure = await this.figures.coverage(String(month ?? ''));
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="tackning-${figure.month}.csv"`)
      .send(`\uFEFF${coverageCsv(figure)}`);
  }
}

export function coverageCsv(figure: CoverageFigure): string {
  const pct = (n: number | null) => (n === null ? '' : (n * 100).toFixed(1).replace('.', ','));
  const rows: (string | number)[][] = [
    ['Månad', 'Avsnitt', 'Kontakter', 'Andel %', 'Avgjorda', 'Lösta i första linjen', 'Andel lösta %'],
    [figure.month, 'Alla', figure.contacts, '', '', '', ''],
    [
      figure.month,
      'Besvaras av verksamhetssystem',
      figure.answered.contacts,
      pct(figure.answeredShare),
      figure.answered.decided,
      figure.answered.resolved,
      pct(figure.answered.share),
    ],
    [
      figure.month,
      'Övriga',
      figure.others.contacts,
      '',
      figure.others.decided,
      figure.others.resolved,
      pct(figure.others.share),
    ],
  ];
  return rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
}
