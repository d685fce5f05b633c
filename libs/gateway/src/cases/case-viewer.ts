import type { CaseViewer } from '@frontdoor/core';
import type { AccessPolicy } from '../platform/access/access-policy';
import { type RequestContext, principalOf } from '../platform/request/request-context';

/** The reader as the case queries see them: subject, and every answer group they belong to (setup and token). */
export function caseViewerOf(ctx: RequestContext, policy: AccessPolicy, ownCases = false): CaseViewer {
  return {
    subject: principalOf(ctx).subject,
    answerGroupKeys: policy.answerGroupsOf(principalOf(ctx)),
    ownCases,
  };
}
