import type { EntityManager } from 'typeorm';
import {
  CaseService,
  ContactChannel,
  type CallbackContact,
  type CaseActor,
  type CaseSetup,
  type ServiceCase,
} from '@frontdoor/core';

export type PublicCategory = CaseSetup['categories'][number] & { answerGroup: string };

export interface EServiceSubmission {
  categoryKey: string;
  /** The citizen's own personal number (12 digits) when signed in with e-ID; absent from Open311. */
  personalNumber?: string;
  summary: string;
  contact: CallbackContact | null;
}

/**
 * The one way a question from an e-service (the citizen page, Open311) becomes a case: an
 * E_SERVICE contact, forwarded at once to the category's answer group, as the first line
 * would have done it (the group is mailed, the SLA clock starts). One transaction with what
 * the channel keeps beside the case: if any part fails, nothing is written and the client is
 * told so (no half-made case left at the first line).
 */
export class EServiceIntake {
  constructor(
    private readonly cases: CaseService,
    private readonly setup: CaseSetup,
  ) {}

  /** The categories open to the public (config `public: true`, with their answer group). */
  publicCategories(): PublicCategory[] {
    return this.setup.categories.filter((c): c is PublicCategory => c.public && !!c.answerGroup);
  }

  publicCategory(key: string): PublicCategory | undefined {
    return this.publicCategories().find((c) => c.key === key);
  }

  answerGroupName(key: string): string {
    return this.setup.answerGroups.find((g) => g.key === key)?.name ?? key;
  }

  /** `keepBeside` writes what the channel keeps beside the case (Open311's location), in its transaction. */
  submit(
    category: PublicCategory,
    submission: EServiceSubmission,
    actor: CaseActor,
    channelName: string,
    keepBeside?: (tx: EntityManager, registered: ServiceCase) => Promise<void>,
  ): Promise<ServiceCase> {
    return this.cases.submitEService(
      {
        channel: ContactChannel.E_SERVICE,
        categoryKey: category.key,
        personalNumber: submission.personalNumber,
        summary: submission.summary,
        contact: submission.contact,
      },
      category.answerGroup,
      `Inkommen via ${channelName}.`,
      { ...actor, role: 'intake', answerGroupKeys: [] },
      keepBeside,
    );
  }
}
