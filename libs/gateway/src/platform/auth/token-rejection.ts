import { errors as joseErrors } from 'jose';
import { unauthenticated } from '@frontdoor/core';

/** UNAUTHENTICATED saying why the token was refused, in words a client author can act on. */
export function rejected(reason: string) {
  return unauthenticated(`The bearer token was rejected: ${reason}.`);
}

/** What jose's verification error means, without echoing the token. */
export function describeVerificationError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "no key of its issuer matches the token's key id";
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return 'it is not a well-formed JWT';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not allowed';
  if (error instanceof joseErrors.JWKSTimeout) return "its issuer's keys could not be fetched in time";
  return 'it could not be verified';
}

/** An untrusted value, printable and short enough for a message. */
export function shorten(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
