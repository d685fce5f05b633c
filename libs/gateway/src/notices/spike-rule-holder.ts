import type { SpikeRule } from '@frontdoor/core';

/** The configured spike rule (config `notices.spikes`), injectable. */
export class SpikeRuleHolder {
  constructor(readonly rule: SpikeRule) {}
}
