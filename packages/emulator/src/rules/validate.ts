import { fail } from '../error-response.ts';

/** The body as a JSON object, or 400 `InappropriateJSON`. @internal */
export function requireObject(body: unknown, what: string): Record<string, unknown> {
  if (body === undefined) fail('InappropriateJSON', `${what}: a JSON object body is required`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('InappropriateJSON', `${what}: the body must be a JSON object`);
  }
  return body as Record<string, unknown>;
}

/** A string field; missing/null/'' gives `undefined` unless required (then 400 `InappropriateJSON`). @internal */
export function stringField(obj: Record<string, unknown>, key: string, required = false): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === '') {
    if (required) fail('InappropriateJSON', `${key} is required`);
    return undefined;
  }
  if (typeof value !== 'string') fail('InvalidParameterValue', `${key} must be a string`);
  return value;
}

/** An integer field >= 1 (400 `InappropriateJSON` when missing, `InvalidParameterValue` when bad). @internal */
export function positiveIntField(obj: Record<string, unknown>, key: string): number {
  const value = obj[key];
  if (value === undefined || value === null) fail('InappropriateJSON', `${key} is required`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    fail('InvalidParameterValue', `${key} must be an integer >= 1 (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** A boolean field; `undefined` when absent unless required. @internal */
export function booleanField(obj: Record<string, unknown>, key: string, required = false): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required) fail('InappropriateJSON', `${key} is required`);
    return undefined;
  }
  if (typeof value !== 'boolean') fail('InvalidParameterValue', `${key} must be true or false`);
  return value;
}

const RESERVATION_LENGTHS = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36]);

/** A reservation `{reservationLength, reservationTimeUnit}`; defaults to 1 Month when absent. @internal */
export function reservationField(value: unknown): { reservationLength: number; reservationTimeUnit: string } {
  if (value === undefined || value === null) return { reservationLength: 1, reservationTimeUnit: 'Month' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('InvalidParameterValue', 'billing.reservation must be an object');
  }
  const { reservationLength = 1, reservationTimeUnit = 'Month' } = value as Record<string, unknown>;
  if (typeof reservationLength !== 'number' || !RESERVATION_LENGTHS.has(reservationLength)) {
    fail('InvalidParameterValue', 'billing.reservation.reservationLength must be one of 1-9, 12, 24, 36');
  }
  if (typeof reservationTimeUnit !== 'string' || reservationTimeUnit.toLowerCase() !== 'month') {
    fail('InvalidParameterValue', 'billing.reservation.reservationTimeUnit must be "Month"');
  }
  return { reservationLength, reservationTimeUnit: 'Month' };
}

/** Adds `months` calendar months (UTC) to a time. @internal */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
