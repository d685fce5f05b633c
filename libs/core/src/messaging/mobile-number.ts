import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/**
 * A number a text can reach, in E.164 (+46701234567), or null. The library's mobile metadata
 * knows each country's mobile ranges, so a landline (08-…) or a made-up number is no mobile;
 * without a country code the number is read as Swedish.
 */
export function mobileNumber(text: string): string | null {
  const parsed = parsePhoneNumberFromString(text.trim(), 'SE');
  return parsed?.isValid() ? parsed.number : null;
}
