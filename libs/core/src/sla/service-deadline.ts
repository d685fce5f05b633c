import { stockholmDate } from '../time/stockholm-date';
import { addWorkingDays, endOfStockholmDay } from './swedish-calendar';

/**
 * When a forwarded case must be answered: by the end of the `workingDays`-th working day
 * after the day it was forwarded (Skellefteå/Järfälla: 3 working days), in Swedish time.
 */
export function serviceDeadline(forwardedAt: Date, workingDays: number): Date {
  return endOfStockholmDay(addWorkingDays(stockholmDate(forwardedAt), workingDays));
}
