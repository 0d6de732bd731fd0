/** See ensure-built.mjs: builds the stale packages and returns their folder names. */
export function ensureBuilt(options?: { log?: (line: string) => void }): string[];
export function staleReason(p: { dir: string; folder: string; pkg: Record<string, unknown> }): string | null;
export function writeStamp(folder: string, started: number): void;
