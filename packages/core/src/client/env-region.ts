interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions?: { querySync?(descriptor: { name: 'env'; variable: string }): { state: string } };
}

/**
 * `BCE_REGION` from the environment (Node, Bun, or Deno when env access is already granted), else `undefined`.
 * Never throws and never prompts: a client without a region falls back to the usual "no endpoint" error.
 * The name is the one Baidu's `bce` CLI reads.
 *
 * @internal
 */
export function regionFromEnv(): string | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> }; Deno?: DenoLike };
  try {
    const deno = g.Deno;
    if (deno) {
      // Asking Deno for a variable it has not been allowed would prompt (or throw): query first.
      const state = deno.permissions?.querySync?.({ name: 'env', variable: 'BCE_REGION' }).state;
      return state === 'granted' ? deno.env.get('BCE_REGION') || undefined : undefined;
    }
    return g.process?.env?.['BCE_REGION'] || undefined;
  } catch {
    return undefined;
  }
}
