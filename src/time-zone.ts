import { z } from 'zod';

/** Whether a name is an IANA time zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone on the wire, checked against the runtime's zone database. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'Not a time zone: use an IANA name such as Europe/Paris' })
  .describe('An IANA time zone, such as Europe/Paris');

/** The first day of the week. */
export const weekStartSchema = z.enum(['monday', 'sunday']).describe('The first day of the week');
