import { Body, Controller, HttpCode, Post, BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { parsePersonalNumber } from '@frontdoor/core';
import { roleSchema } from '../platform/auth/principal';
import { TokenVerifier } from '../platform/auth/token-verifier';
import { Public } from '../platform/guard/allow.decorator';

const devTokenRequest = z.object({
  role: roleSchema,
  sub: z.string().min(1).max(200),
  name: z.string().min(1).max(200).optional(),
});

/**
 * The demo token issuer for the embedded default: anyone who can reach it gets any role.
 * Only mounted when the demo issuer is on, which config refuses under NODE_ENV=production.
 */
@Public()
@Controller('auth')
export class DevIssuerController {
  constructor(private readonly verifier: TokenVerifier) {}

  @Post('dev-token')
  @HttpCode(200)
  async issue(@Body() body: unknown): Promise<{ token: string }> {
    const parsed = devTokenRequest.safeParse(body);
    if (!parsed.success) {
      throw new BadRequestException(
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
    }
    const { role, name } = parsed.data;
    let sub = parsed.data.sub;
    if (role === 'citizen') {
      // A citizen's subject is their personal number, as Swedish e-ID brokers deliver it.
      try {
        sub = parsePersonalNumber(sub, 'sub').value;
      } catch (error) {
        throw new BadRequestException((error as Error).message);
      }
    }
    return { token: await this.verifier.issueDevToken({ subject: sub, role, name }) };
  }
}
