import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { applyCaseSetup, type CaseSetup } from '@frontdoor/core';
import type { HubJobs, HubMailer } from '@frontdoor/hub';

/**
 * The hub's jobs (@frontdoor/hub) in the gateway's lifecycle. The configured categories and
 * groups are written at start, then, when this gateway runs jobs (JOBS_IN_PROCESS, the
 * embedded default), every job the worker would run is registered and the queue started: in
 * one hook, as Nest runs one module's hooks side by side. Stopped before any
 * onApplicationShutdown, so running jobs finish before TypeORM closes the database.
 */
export class HubJobsHost implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly setup: CaseSetup,
    readonly jobs: HubJobs,
    private readonly runJobs: boolean,
    private readonly mailer: HubMailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await applyCaseSetup(this.dataSource, this.setup);
    if (this.runJobs) await this.jobs.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
