import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../platform/guard/allow.decorator';
import { MANAGERS, STAFF } from '../../platform/auth/role-groups';
import { ContactCoverageService } from './contact-coverage.service';
import { AvoidableContactsInfo, ContactCoverageInfo } from './contact-coverage.types';

@Resolver()
export class ContactCoverageResolver {
  constructor(private readonly figures: ContactCoverageService) {}

  @Query(() => ContactCoverageInfo, {
    description:
      'The month’s share of contacts in categories a department system answers, and first-line resolution in them against the others. As CSV: GET /reports/contact-coverage.csv?month=.',
  })
  @Allow(...STAFF)
  contactCoverage(@Args('month', { description: 'YYYY-MM' }) month: string): Promise<ContactCoverageInfo> {
    return this.figures.coverage(month);
  }

  @Query(() => AvoidableContactsInfo, {
    description:
      'The month’s avoidable contacts per department system and category, most first, with their agent minutes and the month before (managers).',
  })
  @Allow(...MANAGERS)
  avoidableContacts(
    @Args('month', { description: 'YYYY-MM' }) month: string,
  ): Promise<AvoidableContactsInfo> {
    return this.figures.avoidable(month);
  }
}
