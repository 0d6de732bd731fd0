// What each build of the published package carries, bundled by esbuild from the built dist through the package's
// own `exports` and `imports` (as an installed app resolves it): a Worker's one file has no @noble/hashes, a page
// keeps it in a lazy chunk, and a Worker that imports signSync() still gets it.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../../scripts/test-helpers/ensure-built.ts';

const signerDir = fileURLToPath(new URL('..', import.meta.url));
// SHA-256's first round constant (0x428a2f98), as @noble/hashes/sha2.js holds it: there only if noble is bundled.
const hasNoble = (code: string) => code.includes('1116352408') || /0x428a2f98/i.test(code);

async function bundle(contents: string, options: { conditions?: string[]; splitting?: boolean }) {
  const result = await build({
    stdin: { contents, resolveDir: signerDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    outdir: '/virtual',
    tsconfigRaw: '{}',
    logLevel: 'silent',
    metafile: true,
    ...options,
  });
  return result.outputFiles.map((file) => file.text);
}

describe('who carries @noble/hashes', () => {
  beforeAll(ensureBuilt, 120_000);

  it('a Worker bundle of sign() (wrangler conditions, one file) leaves it out and keeps the stub', async () => {
    const [code] = await bundle("export { sign } from '@bcekit/signer';", {
      conditions: ['workerd', 'worker', 'browser'],
    });
    expect(hasNoble(code!)).toBe(false);
    expect(code).toContain('Worker builds omit @noble/hashes');
    expect(code).toContain('bce-auth-v1');
  });

  it('a Worker bundle that imports signSync() still carries it (signSync needs it without native crypto)', async () => {
    const [code] = await bundle("export { signSync } from '@bcekit/signer';", {
      conditions: ['workerd', 'worker', 'browser'],
    });
    expect(hasNoble(code!)).toBe(true);
  });

  it('a page bundle of sign() (split) keeps it out of the initial load, in one lazy chunk', async () => {
    const files = await bundle("export { sign } from '@bcekit/signer';", { splitting: true });
    const withNoble = files.filter(hasNoble);
    expect(files.length).toBe(2);
    expect(withNoble).toHaveLength(1);
    expect(withNoble[0]).not.toContain('bce-auth-v1');
    expect(files.find((f) => !hasNoble(f))).toContain('bce-auth-v1');
  });
});
