import { Inject } from '@nestjs/common';
import { Args, Field, GraphQLISODateTime, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { JobQueue } from '@frontdoor/jobs';
import { Allow } from '../platform/guard/allow.decorator';
import { ADMINS } from '../platform/auth/role-groups';

export const JOB_QUEUE = 'JOB_QUEUE';

@ObjectType({ description: 'A job that used up its tries (a notification that could not be sent, say).' })
export class FailedJobInfo {
  @Field() id!: string;
  @Field() name!: string;
  @Field(() => Int) attempts!: number;
  @Field() error!: string;
  @Field(() => GraphQLISODateTime) failedAt!: Date;
}

@Resolver(() => FailedJobInfo)
export class FailedJobsResolver {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  @Query(() => [FailedJobInfo], {
    description: 'Jobs that failed after all their tries, newest first (admins).',
  })
  @Allow(...ADMINS)
  failedJobs(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<FailedJobInfo[]> {
    return this.queue.failed(Math.min(Math.max(first, 1), 500));
  }
}
