import { Controller, Get, Header } from '@nestjs/common';
import { OperatingNotices } from '@frontdoor/core';
import { AllowServiceAccount } from '../platform/guard/allow.decorator';

/**
 * The notices in force for the telephony platform's IVR greeting ("Just nu är sophämtningen
 * försenad i …"): the same service account that posts call events (`telephonyEvents`).
 * Titles and texts only: nothing about any person.
 */
@Controller('telephony')
export class TelephonyNoticesController {
  constructor(private readonly notices: OperatingNotices) {}

  @Get('notices')
  @Header('cache-control', 'no-store')
  @AllowServiceAccount('telephonyEvents')
  async inForce() {
    const notices = await this.notices.inForce();
    return {
      notices: notices.map((n) => ({
        id: n.id,
        title: n.title,
        text: n.text,
        categoryKey: n.categoryKey,
        area: n.area,
        validTo: n.validTo.toISOString(),
      })),
    };
  }
}
