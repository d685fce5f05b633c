import { Controller, Get, Header, UseFilters } from '@nestjs/common';
import type { Principal } from '../platform/auth/principal';
import { STAFF } from '../platform/auth/role-groups';
import { Allow } from '../platform/guard/allow.decorator';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import { ConsoleSession } from './console-session';
import { ConsoleSessionFailureFilter } from './console-session-failure.filter';

/**
 * `GET /console/session`: who the bearer token is, staff only (the guard decides), with their
 * answer groups. Its refusals keep the console's own bodies (the filter): 401
 * `{ error: 'UNAUTHENTICATED', message }`, 403 `{ error: 'NOT_STAFF', role }`.
 */
@Controller('console')
@UseFilters(ConsoleSessionFailureFilter)
export class ConsoleSessionController {
  constructor(private readonly session: ConsoleSession) {}

  @Get('session')
  @Header('cache-control', 'no-store')
  @Allow(...STAFF)
  whoAmI(@CurrentPrincipal() principal: Principal) {
    return this.session.of(principal);
  }
}
