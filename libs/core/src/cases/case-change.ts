import type { EntityManager } from 'typeorm';
import type { JobOutbox } from '@frontdoor/jobs';
import type { ServiceCase } from './case.entities';
import type { CaseEventType } from './case-vocabulary';
import type { CaseActor, CaseWriter } from './case-write-rules';

/**
 * A change to a case, announced by the case chain inside the change's own transaction, before
 * the case row is saved: what happened (the timeline's event type), the case as it was read and
 * as it will be saved, who did it and when. The case chain knows nothing of who listens.
 */
export interface CaseChange {
  type: CaseEventType;
  /** The case as read before the change; null when it is being registered. */
  before: Readonly<ServiceCase> | null;
  /** The case as it will be saved; a subscriber may set derived columns on it. */
  after: ServiceCase;
  writer: CaseWriter | CaseActor;
  at: Date;
  /** An answer that went to the citizen itself (by e-mail from the case): they need no notice of it. */
  answeredDirectly?: boolean;
}

/** What a subscriber writes with: the change's transaction, and the outbox for jobs that leave the process. */
export interface CaseChangeScope {
  tx: EntityManager;
  outbox: JobOutbox;
}

/**
 * A part of the hub that follows the case chain (statistics, the SLA clock's jobs, citizen
 * notices). Called in the change's transaction, in the order given to the case chain: what it
 * writes commits or rolls back with the change, and a job it asks for is sent once (outbox).
 */
export interface CaseChangeSubscriber {
  onCaseChanged(change: CaseChange, scope: CaseChangeScope): Promise<void>;
}
