/** See build.mjs. */
export const OUT_DIR: string;
export function buildConformance(): Promise<void>;
export function forbiddenUses(code: string, metafile: import('esbuild').Metafile): string[];
