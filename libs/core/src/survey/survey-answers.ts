import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { stockholmDate } from '../time/stockholm-date';
import { SurveyInvitation } from './survey.entities';
import { surveyTokenHash } from './survey-invitations';

/** What a link leads to: a question to answer, or why not. */
export type SurveyLinkState = 'open' | 'answered' | 'expired' | 'unknown';

/** The answer as the page posts it: a score 1-5 and, optionally, a comment. */
export const surveyAnswerSchema = z.object({
  score: z.coerce
    .number({ error: 'Välj ett betyg från 1 till 5.' })
    .int('Välj ett betyg från 1 till 5.')
    .min(1, 'Välj ett betyg från 1 till 5.')
    .max(5, 'Välj ett betyg från 1 till 5.'),
  comment: z
    .string()
    .trim()
    .max(1000, 'Skriv högst 1 000 tecken.')
    .optional()
    .transform((c) => c || null),
});

export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The citizen's side of the survey: what a link leads to, and its one answer. No sign-in: the
 * token is the key, good for one answer before it expires. The answer is a conditional update,
 * so two posts of one link (a double click, two gateways) store one answer.
 */
export class SurveyAnswers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async state(token: string): Promise<SurveyLinkState> {
    const invitation = await this.find(token);
    if (!invitation) return 'unknown';
    if (invitation.answeredAt) return 'answered';
    return invitation.expiresAt.getTime() <= this.now().getTime() ? 'expired' : 'open';
  }

  /** Stores the answer if the link is open; otherwise says why nothing was stored. */
  async answer(token: string, answer: SurveyAnswer): Promise<'saved' | Exclude<SurveyLinkState, 'open'>> {
    if (!TOKEN.test(token)) return 'unknown';
    const now = this.now();
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SurveyInvitation)
      .set({ answeredAt: now, answeredDay: stockholmDate(now), score: answer.score, comment: answer.comment })
      .where('token_hash = :hash AND answered_at IS NULL AND expires_at > :now', {
        hash: surveyTokenHash(token),
        now,
      })
      .execute();
    if (result.affected === 1) return 'saved';
    const state = await this.state(token);
    // Answered meanwhile by the other post of a double click: that one was stored.
    return state === 'open' ? 'answered' : state;
  }

  private find(token: string): Promise<SurveyInvitation | null> {
    if (!TOKEN.test(token)) return Promise.resolve(null);
    return this.dataSource.getRepository(SurveyInvitation).findOneBy({ tokenHash: surveyTokenHash(token) });
  }
}
