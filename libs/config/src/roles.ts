import { z } from 'zod';

/**
 * The roles the hub knows. agent: first line (kundtjänstmedarbetare); case_officer:
 * handläggare in an answer group; manager: närmaste chef; admin: runs the hub;
 * citizen: a person on the e-services (Mina sidor); service: a department's own system.
 * Here because the config file names them (role maps, mandates, clearances).
 */
export const ROLES = ['agent', 'case_officer', 'manager', 'admin', 'citizen', 'service'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
