import type { DataSource } from 'typeorm';
import { ServiceCase } from '../cases/case.entities';
import { CallContact } from '../telephony/call.entities';

/** The case or call a purpose names, as the reader gave them. */
export interface PurposeTieInput {
  caseId?: string | null;
  callId?: string | null;
}

/**
 * Checks that the case or call a read is said to be for exists, so an audit row never points
 * at a case or call that is not there (a typo, or a made-up reason dressed as a case).
 * Returns the problem per field, empty when both hold.
 */
export class PurposeTies {
  constructor(private readonly dataSource: DataSource) {}

  async problems(tie: PurposeTieInput): Promise<{ field: 'caseId' | 'callId'; message: string }[]> {
    const problems: { field: 'caseId' | 'callId'; message: string }[] = [];
    if (tie.caseId) {
      const found = await this.dataSource.getRepository(ServiceCase).existsBy({ id: tie.caseId });
      if (!found) problems.push({ field: 'caseId', message: `no case with id ${tie.caseId}` });
    }
    if (tie.callId) {
      const found = await this.dataSource.getRepository(CallContact).existsBy({ callId: tie.callId });
      if (!found) problems.push({ field: 'callId', message: `no call with id ${tie.callId}` });
    }
    return problems;
  }
}
