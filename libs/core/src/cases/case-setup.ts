import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { caseCatalogueOf } from './case-catalogue';
import { AnswerGroup, CaseCategory } from './case.entities';

const member = z.object({ subject: z.string().min(1), name: z.string().min(1), email: z.email() });

/**
 * A question an e-service asks with a category (Open311's service definition attribute):
 * `string` one line, `text` several, `number`, `singlevaluelist` one of `values`.
 */
const eServiceAttribute = z
  .object({
    code: z.string().regex(/^[a-z0-9_]+$/),
    description: z.string().min(1),
    datatype: z.enum(['string', 'text', 'number', 'singlevaluelist']).default('string'),
    required: z.boolean().default(false),
    values: z.array(z.object({ key: z.string().min(1), name: z.string().min(1) }).strict()).default([]),
  })
  .strict();
export type EServiceAttribute = z.infer<typeof eServiceAttribute>;

/** Categories and answer groups from the config file, kept in step with the database at start. */
export const caseSetupSchema = z
  .object({
    categories: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/),
            name: z.string().min(1),
            slaWorkingDays: z.number().int().min(1).max(60).default(3),
            confidential: z.boolean().default(false),
            /**
             * The answer group (by key) a question asked on the web goes to, as if the first
             * line had forwarded it. Without one, the category is not offered on the web.
             */
            answerGroup: z.string().optional(),
            /** Offered to the public: on the citizen page, and (unless confidential) as an Open311 service. */
            public: z.boolean().default(false),
            /** What the category is for, in plain Swedish, for the web and Open311. */
            description: z.string().min(1).optional(),
            /** Open311 `keywords` and `group`. */
            keywords: z.array(z.string().min(1)).default([]),
            group: z.string().min(1).optional(),
            /** Extra questions an e-service asks (Open311 service definition). */
            attributes: z.array(eServiceAttribute).default([]),
            /**
             * The department plugin (by id) whose system answers this category's questions, so
             * the statistics count it as covered (decision 0086). Checked at start against the
             * installed plugins (categoryCoverageProblems).
             */
            answeredBy: z
              .string()
              .regex(/^[a-z0-9-]+$/)
              .optional(),
          })
          .strict(),
      )
      .default([]),
    answerGroups: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/),
            name: z.string().min(1),
            department: z.string().min(1),
            notificationEmail: z.email(),
            manager: member,
            members: z.array(member).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((setup, ctx) => {
    const groups = new Set(setup.answerGroups.map((g) => g.key));
    setup.categories.forEach((category, i) => {
      if (category.answerGroup !== undefined && !groups.has(category.answerGroup))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'answerGroup'],
          message: `no answer group "${category.answerGroup}" in cases.answerGroups`,
        });
      if (category.public && category.answerGroup === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'public'],
          message: 'a public category needs an answerGroup (where its questions go)',
        });
    });
  });
export type CaseSetup = z.infer<typeof caseSetupSchema>;

/** Whether `subject` belongs to the group, as manager or member: the one membership rule, for config and database alike. */
export function belongsToGroup(
  group: { manager: { subject: string }; members: { subject: string }[] },
  subject: string,
): boolean {
  return group.manager.subject === subject || group.members.some((m) => m.subject === subject);
}

/** pg_advisory_xact_lock key of the setup write ("fdcases" in ASCII, any constant would do). */
const CASE_SETUP_LOCK_KEY = 0x6664636173657300n.toString();

/** Upserts the configured categories and groups by key; ones no longer configured are kept (old cases refer to them). */
export async function applyCaseSetup(
  dataSource: DataSource,
  setup: {
    categories: Pick<CaseSetup['categories'][number], 'key' | 'name' | 'slaWorkingDays' | 'confidential'>[];
    answerGroups: CaseSetup['answerGroups'];
  },
): Promise<void> {
  await dataSource.transaction(async (tx) => {
    // Replicas starting at the same moment write the same setup: one at a time on PostgreSQL,
    // so the second finds the first's rows and updates them instead of inserting them again
    // (a unique-key error that stopped the second gateway). SQLite has one writer anyway.
    if (dataSource.options.type === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CASE_SETUP_LOCK_KEY]);
    for (const { key, name, slaWorkingDays, confidential } of setup.categories) {
      // Only the stored columns: routing and the e-service text are read from config (same in every replica).
      const existing = await tx.findOneBy(CaseCategory, { key });
      await tx.save(CaseCategory, {
        id: existing?.id ?? randomUUID(),
        key,
        name,
        slaWorkingDays,
        confidential,
      });
    }
    for (const group of setup.answerGroups) {
      const existing = await tx.findOneBy(AnswerGroup, { key: group.key });
      await tx.save(AnswerGroup, { id: existing?.id ?? randomUUID(), ...group });
    }
  });
  caseCatalogueOf(dataSource).invalidate();
}
