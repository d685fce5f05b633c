import { z } from 'zod';
import { TEXT_LIMITS, textProblem, type TextRule } from '@frontdoor/core';
import { Open311Error } from './open311-error';
import type { Open311Form } from './open311-requests';

/** A form value as Fastify parses it: one string, or several for a repeated key. */
const formValue = (rule: TextRule) => {
  const text = z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, rule);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });
  return z.union([text, z.array(text).max(20, 'given more than 20 times')]).optional();
};

/**
 * The text limits of `POST requests` (GeoReport v2's fields), checked before anything else
 * reads the form: a refusal is the spec's 400 naming the field, and nothing is created. A field
 * the hub does not read still has a bound, so no form value is unbounded or holds NUL.
 */
const open311FormSchema = z
  .object({
    api_key: formValue(TEXT_LIMITS.line),
    jurisdiction_id: formValue(TEXT_LIMITS.short),
    service_code: formValue(TEXT_LIMITS.short),
    description: formValue(TEXT_LIMITS.text),
    address_string: formValue({ max: 500 }),
    address_id: formValue(TEXT_LIMITS.short),
    lat: formValue(TEXT_LIMITS.short),
    long: formValue(TEXT_LIMITS.short),
    email: formValue(TEXT_LIMITS.email),
    phone: formValue(TEXT_LIMITS.phone),
    first_name: formValue(TEXT_LIMITS.short),
    last_name: formValue(TEXT_LIMITS.short),
    device_id: formValue(TEXT_LIMITS.short),
    account_id: formValue(TEXT_LIMITS.short),
    media_url: formValue({ max: 2000 }),
  })
  // `attribute[code]` answers (attributesOf checks them against the service definition), and
  // whatever else a client sends along.
  .catchall(formValue({ max: 1000, multiline: true }));

/** Refuses a form with a field over its limit or with a control character: Open311's 400. */
export function checkOpen311Form(form: Open311Form): void {
  const parsed = open311FormSchema.safeParse(form);
  if (parsed.success) return;
  const [issue] = parsed.error.issues;
  const field = String(issue.path[0] ?? '(form)');
  throw new Open311Error(400, `${field}: ${issue.message}`);
}
