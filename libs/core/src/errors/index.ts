export { ErrorCode } from './error-code';
export {
  unauthenticated,
  forbidden,
  badUserInput,
  notFound,
  sourceError,
  type SourceFailure,
} from './frontdoor-error';
