import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { caseCatalogueOf } from './case-catalogue';
import { AnswerGroup, CaseCategory } from './case.entities';

const member = z.object({ subject: z.string().min(1), name: z.string().min(1), email: z.email() });

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
  .strict();
export type CaseSetup = z.infer<typeof caseSetupSchema>;

/** Whether `subject` belongs to the group, as manager or member: the one membership rule, for config and database alike. */
export function belongsToGroup(
  group: { manager: { subject: string }; members: { subject: string }[] },
  subject: string,
): boolean {
  return group.manager.subject === subject || group.members.some((m) => m.subject === subject);
}

/** Upserts the configured categories and groups by key; ones no longer configured are kept (old cases refer to them). */
/** pg_advisory_xact_lock key of the setup write ("fdcases" in ASCII, any constant would do). */
const CASE_SETUP_LOCK_KEY = 0x6664636173657300n.toString();

export async function applyCaseSetup(dataSource: DataSource, setup: CaseSetup): Promise<void> {
  await dataSource.transaction(async (tx) => {
    // Replicas starting at the same moment write the same setup: one at a time on PostgreSQL,
    // so the second finds the first's rows and updates them instead of inserting them again
    // (a unique-key error that stopped the second gateway). SQLite has one writer anyway.
    if (dataSource.options.type === 'postgres')
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CASE_SETUP_LOCK_KEY]);
    for (const category of setup.categories) {
      const existing = await tx.findOneBy(CaseCategory, { key: category.key });
      await tx.save(CaseCategory, { id: existing?.id ?? randomUUID(), ...category });
    }
    for (const group of setup.answerGroups) {
      const existing = await tx.findOneBy(AnswerGroup, { key: group.key });
      await tx.save(AnswerGroup, { id: existing?.id ?? randomUUID(), ...group });
    }
  });
  caseCatalogueOf(dataSource).invalidate();
}
