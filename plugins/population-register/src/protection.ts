import type { RegisterAnswer } from './register-answer.schema';

/** Either marking means skyddade personuppgifter: whereabouts must not be handed out. */
export function hasProtectedIdentity(answer: RegisterAnswer | null): boolean {
  return answer !== null && (answer.confidentialityMarking || answer.protectedRegistration);
}
