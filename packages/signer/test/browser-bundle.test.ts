import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = new URL('../src/index.ts', import.meta.url).pathname;

describe('browser bundle', () => {
  it('bundles sign for the browser without any node: module', async () => {
    const result = await build({
      stdin: { contents: `export { sign } from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const inputs = Object.keys(result.metafile.inputs);

    expect(inputs.some((input) => input.startsWith('node:'))).toBe(false);
    // No node: module is imported and no `process.`, `Buffer` or `require` is left for a bundler to polyfill.
    // The one `node:` text allowed is the native-crypto lookup, `globalThis.process?.getBuiltinModule("node:crypto")`
    // at run time (hmac-native.ts), which finds nothing in a browser.
    expect(code.split('"node:crypto"')).toHaveLength(2);
    expect(code.replace('"node:crypto"', '')).not.toMatch(/\bnode:|\brequire\(|\bprocess\.|\bBuffer\b/);
    expect(code).toContain('bce-auth-v1');
    console.log(`sign, browser bundle: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip`);
  });
});
