import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClientToken, VERSION } from '../src/index.ts';

describe('VERSION', () => {
  it('equals the package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

    expect(VERSION).toBe(pkg.version);
  });
});

describe('createClientToken', () => {
  it('makes distinct UUID v4 tokens', () => {
    const tokens = new Set(Array.from({ length: 100 }, createClientToken));

    expect(tokens.size).toBe(100);
    for (const token of tokens)
      expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
