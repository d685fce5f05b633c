import { z } from 'zod';

/**
 * The BankID RP API v6's answers, validated before the hub believes any of them: an answer
 * that does not match is BankID "answering garbage" and unlocks nothing.
 */
const orderRef = z.string().min(1).max(100);
const twelveDigits = z.string().regex(/^\d{12}$/);
const hintCode = z.string().min(1).max(60);

export const phoneAuthAnswer = z.object({ orderRef });

export const bankIdUser = z.object({
  personalNumber: twelveDigits,
  name: z.string().min(1).max(200),
  givenName: z.string().min(1).max(100),
  surname: z.string().min(1).max(100),
});

export const collectAnswer = z.discriminatedUnion('status', [
  z.object({ orderRef, status: z.literal('pending'), hintCode: hintCode.optional() }),
  z.object({ orderRef, status: z.literal('failed'), hintCode }),
  z.object({
    orderRef,
    status: z.literal('complete'),
    completionData: z.object({
      user: bankIdUser,
      device: z.object({ ipAddress: z.string().min(1).max(64) }).loose(),
      bankIdIssueDate: z.string().min(1).max(20),
      signature: z.string().min(1),
      ocspResponse: z.string().min(1),
    }),
  }),
]);
export type CollectAnswer = z.infer<typeof collectAnswer>;

export const bankIdErrorAnswer = z.object({
  errorCode: z.string().min(1).max(60),
  details: z.string().optional(),
});
