import { Body, Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../platform/auth/principal';
import { AllowServiceAccount } from '../platform/guard/allow.decorator';
import { CurrentPrincipal } from '../platform/guard/current-principal.decorator';
import { CORRELATION_HEADER, correlationIdOf } from './correlation-id';
import { CustomerEventsFailureFilter } from './customer-events-failure.filter';
import { CustomerEventsService } from './customer-events.service';

/**
 * The producer side of the national Mina ärenden: `POST /mina-arenden/v1/kundhandelser`
 * answers one person's customer events (kundhändelser) from their cases and every
 * department's statuses, paged, for a service account whose operations name
 * `kundhandelser` (the guard decides). Every answer is audited as a read with the purpose
 * "Mina ärenden", and the caller's correlation id is echoed and logged. A department that
 * could not answer is named (`komplett: false`, `kallor`): "no events" only ever means there
 * are none. Refusals are `{felkod, meddelande, korrelationsId}` (the filter).
 */
@Controller('mina-arenden/v1')
@UseFilters(CustomerEventsFailureFilter)
export class CustomerEventsController {
  constructor(private readonly events: CustomerEventsService) {}

  @Post('kundhandelser')
  @HttpCode(200)
  @AllowServiceAccount('kundhandelser')
  async pull(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const correlationId = correlationIdOf(request);
    reply.header(CORRELATION_HEADER, correlationId).header('cache-control', 'no-store');
    return this.events.answer(body, {
      clientId: principal.clientId!,
      requestId: request.id,
      correlationId,
      pageUrl: `${request.protocol}://${request.host}/mina-arenden/`,
    });
  }
}
