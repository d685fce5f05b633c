import { Body, Controller, Get, Header, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SurveyAnswers, surveyAnswerSchema } from '@frontdoor/core';
import { Public } from '../platform/guard/allow.decorator';
import { surveyFormHtml, surveyOutcomeHtml } from './survey-page';

/**
 * The citizen's one question after a contact (issue 25): `GET /enkat/:token` asks it,
 * `POST /enkat/:token` (a plain form, no script) stores the answer once. No sign-in: the link's
 * token is the key, so the page says nothing of the case or the person.
 */
@Public()
@Controller('enkat')
export class SurveyController {
  constructor(private readonly answers: SurveyAnswers) {}

  @Get(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async question(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const state = await this.answers.state(token);
    const status = state === 'unknown' ? 404 : state === 'open' ? 200 : 410;
    await reply.code(status).send(state === 'open' ? surveyFormHtml() : surveyOutcomeHtml(state));
  }

  @Post(':token')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async answer(
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const parsed = surveyAnswerSchema.safeParse(body ?? {});
    if (!parsed.success) {
      const state = await this.answers.state(token);
      if (state !== 'open')
        return void (await reply.code(state === 'unknown' ? 404 : 410).send(surveyOutcomeHtml(state)));
      const comment =
        typeof (body as { comment?: unknown })?.comment === 'string'
          ? (body as { comment: string }).comment
          : '';
      await reply.code(400).send(surveyFormHtml(parsed.error.issues[0].message, comment.slice(0, 1000)));
      return;
    }
    const outcome = await this.answers.answer(token, parsed.data);
    const status = outcome === 'saved' ? 200 : outcome === 'unknown' ? 404 : 410;
    await reply.code(status).send(surveyOutcomeHtml(outcome));
  }
}
