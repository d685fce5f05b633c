import type { CaseViewer } from '@frontdoor/core';
import type { AccessPolicy } from '../platform/access/access-policy';
import type { RequestContext } from '../platform/request/request-context';

/** The reader as the case queries see them: subject, and every answer group they belong to (setup and token). */
export function caseViewerOf(ctx: RequestContext, policy: AccessPolicy, ownCases = false): CaseViewer {
  return {
    subject: ctx.principal!.subject,
    answerGroupKeys: policy.answerGroupsOf(ctx.principal!),
    ownCases,
  };
}
