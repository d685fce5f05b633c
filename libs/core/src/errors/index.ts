export { ErrorCode } from './error-code';
export {
  FrontdoorError,
  type FrontdoorErrorDetails,
  unauthenticated,
  forbidden,
  badUserInput,
  notFound,
  conflict,
  sourceError,
  type SourceFailure,
} from './frontdoor-error';
export { TEXT_LIMITS, textProblem, type TextProblem, type TextRule } from './text-input';
