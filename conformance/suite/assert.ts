// A tiny assertion kit, so the suite imports no test framework and runs unchanged in every runtime.

/** Thrown when a conformance check fails; the message says what was expected and what came. */
export class ConformanceError extends Error {
  override name = 'ConformanceError';
}

const show = (value: unknown): string => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

/** Fails unless `condition` holds. */
export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** Fails unless `actual === expected`. */
export function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new ConformanceError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** Fails unless both have the same JSON form (plain data only). */
export function sameJson(actual: unknown, expected: unknown, what: string): void {
  if (show(actual) !== show(expected)) {
    throw new ConformanceError(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Awaits `promise`, fails if it resolves, and returns what it rejected with. */
export async function rejects(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceError(`${what}: expected a rejection, but it resolved`);
}

/** Fails unless `value` is an instance of `type`; returns it typed. */
export function instance<T>(value: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (!(value instanceof type)) {
    const got = value instanceof Error ? `${value.name}: ${value.message}` : show(value);
    throw new ConformanceError(`${what}: expected an instance of ${type.name}, got ${got}`);
  }
  return value;
}
