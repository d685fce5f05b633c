import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CaseService } from '@frontdoor/core';

/**
 * Runs the job outbox's background relay in every gateway: what a case change could not hand to
 * the queue right after its commit (Redis down, a crash) is relayed within a second of the queue
 * answering again. Stopped before the database closes.
 */
@Injectable()
export class OutboxRelayHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly cases: CaseService) {}

  onApplicationBootstrap(): void {
    this.cases.outbox.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.cases.outbox.stop();
  }
}
