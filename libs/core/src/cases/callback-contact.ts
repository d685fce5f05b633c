import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { badUserInput } from '../errors';

/** How the citizen wants the answer group to get back to them (återkontakt). */
export enum PreferredContact {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}

/** Callback details as stored on the case: the phone number in E.164 (+46701234567). */
export interface CallbackContact {
  phone: string | null;
  email: string | null;
  preferred: PreferredContact | null;
}

export interface CallbackContactInput {
  phone?: string | null;
  email?: string | null;
  preferred?: PreferredContact | null;
}

const email = z.email();

/**
 * Validates and normalises the callback details the first line typed in. Swedish numbers
 * only (the answer groups call from the municipality's exchange, which does not dial
 * abroad): validated against libphonenumber's metadata for SE, stored as E.164. `field`
 * names where the details are in the caller's input (`contact`, `input.contact`); `''` when
 * `phone` and `email` are at its top (an Open311 form).
 */
export function parseCallbackContact(input: CallbackContactInput, field = 'contact'): CallbackContact | null {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const phoneText = input.phone?.trim() || null;
  const emailText = input.email?.trim().toLowerCase() || null;
  if (!phoneText && !emailText) {
    if (input.preferred)
      throw badUserInput(`${at('preferred')}: give the phone number or e-mail it refers to.`, field);
    return null;
  }
  let phone: string | null = null;
  if (phoneText) {
    const parsed = parsePhoneNumberFromString(phoneText, 'SE');
    if (!parsed || !parsed.isValid() || parsed.country !== 'SE')
      throw badUserInput(
        `${at('phone')}: "${phoneText}" is not a Swedish phone number (e.g. 070-123 45 67 or 08-123 456 78).`,
        at('phone'),
      );
    phone = parsed.number;
  }
  if (emailText && !email.safeParse(emailText).success)
    throw badUserInput(`${at('email')}: "${emailText}" is not an e-mail address.`, at('email'));
  const preferred = input.preferred ?? (phone ? PreferredContact.PHONE : PreferredContact.EMAIL);
  if (preferred === PreferredContact.PHONE && !phone)
    throw badUserInput(`${at('preferred')}: PHONE, but no phone number was given.`, at('preferred'));
  if (preferred === PreferredContact.EMAIL && !emailText)
    throw badUserInput(`${at('preferred')}: EMAIL, but no e-mail address was given.`, at('preferred'));
  return { phone, email: emailText, preferred };
}

/** A stored E.164 number as Swedes write it: "070-123 45 67", "08-123 456 78". */
export function formatSwedishPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatNational() : e164;
}
