export { ErrorCode } from './error-code';
export {
  unauthenticated,
  forbidden,
  badUserInput,
  notFound,
  conflict,
  sourceError,
  type SourceFailure,
} from './frontdoor-error';
