import type { BceClient } from '@bcekit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordingClient, expectValidationError } from './recording-client.ts';

type Call = (client: BceClient, input: Record<string, unknown>) => Promise<unknown>;

/** Printable ASCII, 1 to 64 characters: every valid clientToken. */
export const validClientToken = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 64,
});

/**
 * The `peerConnId` rules every operation on one connection shares (design §3): required, non-empty, no `/`,
 * not `.`/`..`; each rejected before anything is sent.
 */
export function itChecksPeerConnId(call: Call, valid: Record<string, unknown>): void {
  describe('peerConnId', () => {
    it.each([
      ['missing', undefined],
      ['empty (would turn the path into the list route)', ''],
      ['with a slash', 'peerconn-a/b'],
      ['a dot-dot segment', '..'],
      ['a number', 42],
    ])('rejects an id that is %s, without sending', async (_title, peerConnId) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, peerConnId }), 'peerConnId');

      expect(sent).toHaveLength(0);
    });

    it('rejects any id containing "/"', async () => {
      await fc.assert(
        fc.asyncProperty(fc.tuple(fc.string(), fc.string()), async ([before, after]) => {
          const { client, sent } = createRecordingClient();
          await expectValidationError(call(client, { ...valid, peerConnId: `${before}/${after}` }), 'peerConnId');
          expect(sent).toHaveLength(0);
        }),
        { numRuns: 50 },
      );
    });

    it('sends the id as one raw path segment', async () => {
      const { client, sent } = createRecordingClient();

      await call(client, { ...valid, peerConnId: 'peerconn-9td54fmx143e' });

      expect(sent[0]?.path.slice(0, 3)).toEqual(['v1', 'peerconn', 'peerconn-9td54fmx143e']);
    });
  });
}

/** The `clientToken` rules of every mutating operation: printable ASCII, 1 to 64 characters, kept as given. */
export function itChecksClientToken(call: Call, valid: Record<string, unknown>): void {
  describe('clientToken', () => {
    it.each([
      ['65 characters long', 'x'.repeat(65)],
      ['empty', ''],
      ['not ASCII', 'token-测试'],
      ['holding a newline', 'a\nb'],
      ['not a string', 12345],
    ])('rejects a token %s, without sending', async (_title, clientToken) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, clientToken }), 'clientToken');

      expect(sent).toHaveLength(0);
    });

    it('sends any valid token unchanged', async () => {
      await fc.assert(
        fc.asyncProperty(validClientToken, async (clientToken) => {
          const { client, sent } = createRecordingClient();
          await call(client, { ...valid, clientToken });
          expect(sent[0]?.query?.['clientToken']).toBe(clientToken);
        }),
        { numRuns: 50 },
      );
    });
  });
}

/** The `role` rule of the DNS-sync operations and `getPeerconn`. */
export function itChecksRole(call: Call, valid: Record<string, unknown>, required: boolean): void {
  describe('role', () => {
    const cases: [string, unknown][] = [
      ['an unknown role', 'owner'],
      ['a capitalised role', 'Initiator'],
    ];
    if (required) cases.push(['a missing role', undefined]);
    it.each(cases)('rejects %s, without sending', async (_title, role) => {
      const { client, sent } = createRecordingClient();

      await expectValidationError(call(client, { ...valid, role }), 'role');

      expect(sent).toHaveLength(0);
    });
  });
}

/** Every problem is listed at once, not just the first one. */
export function itListsEveryProblem(call: Call, invalid: Record<string, unknown>, paths: string[]): void {
  it(`lists every problem at once (${paths.join(', ')})`, async () => {
    const { client, sent } = createRecordingClient();

    const error = await expectValidationError(call(client, invalid), paths[0] ?? '');

    expect(error.issues.map((issue) => issue.path).sort()).toEqual([...paths].sort());
    expect(sent).toHaveLength(0);
  });
}
