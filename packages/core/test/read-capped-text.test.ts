import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCappedText } from '../src/errors/from-response.ts';

const encoder = new TextEncoder();

// The bytes cut into pieces at the given offsets, sent as a body stream one piece per read (a piece may end in
// the middle of a character); `failAfter` pieces, the stream errors instead of ending.
function body(bytes: Uint8Array, cuts: number[], failAfter?: number): Response {
  const ends = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [...ends, bytes.length].map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], end));
  let sent = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (failAfter !== undefined && sent === failAfter) return controller.error(new Error('connection dropped'));
        const piece = pieces[sent++];
        if (piece === undefined) controller.close();
        else controller.enqueue(piece);
      },
    }),
  );
}

// Any text, with characters of every UTF-8 length (1 to 4 bytes).
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const cuts = fc.array(fc.nat(), { maxLength: 8 });

describe('readCappedText', () => {
  it('reads the whole text however the bytes are split into reads (characters cut across reads included)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, cuts, async (text, at) => {
        const read = await readCappedText(body(encoder.encode(text), at), 1024);
        expect(read).toEqual({ text, complete: true, overLimit: false });
      }),
    );
  });

  it('stops at the limit and returns exactly the first `limit` bytes, decoded', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, cuts, fc.nat(), async (text, at, n) => {
        const bytes = encoder.encode(text);
        fc.pre(bytes.length > 0);
        const limit = n % bytes.length;
        const read = await readCappedText(body(bytes, at), limit);
        expect(read).toEqual({
          text: new TextDecoder().decode(bytes.subarray(0, limit)),
          complete: false,
          overLimit: true,
        });
      }),
    );
  });

  it('returns what arrived before a stream error, with the error', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, cuts, fc.nat(), async (text, at, n) => {
        const bytes = encoder.encode(text);
        const pieces = new Set(at.map((cut) => cut % (bytes.length + 1))).size + 1;
        const failAfter = n % pieces;
        const read = await readCappedText(body(bytes, at, failAfter), 1024);
        const ends = [...new Set(at.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const arrived = failAfter === 0 ? 0 : ends[failAfter - 1]!;
        expect(read.complete).toBe(false);
        expect(read.overLimit).toBe(false);
        expect((read.error as Error).message).toBe('connection dropped');
        expect(read.text).toBe(new TextDecoder().decode(bytes.subarray(0, arrived)));
      }),
    );
  });

  it('reads an empty body and a missing body as empty text', async () => {
    expect(await readCappedText(new Response(''), 10)).toEqual({ text: '', complete: true, overLimit: false });
    expect(await readCappedText(new Response(null), 10)).toEqual({ text: '', complete: true, overLimit: false });
  });
});
