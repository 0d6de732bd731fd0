import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BceError, BceValidationError, type ClientOptions, createClient } from '../../src/index.ts';
import { STATIC } from '../helpers/credentials.ts';

const anything = fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true, maxDepth: 2 });
const odd = fc.oneof(
  anything,
  fc.constantFrom({ toString: 'x' }, Object.create(null), Symbol('s'), () => 1, Number.NaN),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const misshapen = fc.constantFrom({ debug: 'x' }, { info: 5, warn: null }, { beforeAttempt: 'x' }, { afterAttempt: 1 });
const options = fc.record(
  {
    endpoint: fc.oneof(odd, fc.string(), fc.constant('https://bcc.bj.baidubce.com')),
    region: fc.oneof(odd, fc.constant('bj')),
    credentials: fc.oneof({ weight: 4, arbitrary: fc.constant(STATIC) }, { weight: 1, arbitrary: odd }),
    retry: maybe(odd),
    timeout: maybe(odd),
    logger: maybe(fc.oneof(odd, misshapen)),
    hooks: maybe(fc.oneof(odd, misshapen)),
    userAgent: maybe(fc.oneof(odd, fc.string())),
  },
  { requiredKeys: [] },
);

describe('createClient under fuzzed options', () => {
  it('returns a working client or throws BceValidationError, never anything else', async () => {
    let clients = 0;
    let refused = 0;
    const stubFetch = async () => new Response('{}', { status: 200 });

    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: options }, { weight: 1, arbitrary: odd }), async (input) => {
        let client: ReturnType<typeof createClient>;
        try {
          const given = input && typeof input === 'object' ? { ...input, fetch: stubFetch } : input;
          client = createClient(given as ClientOptions);
        } catch (error) {
          expect(error).toBeInstanceOf(BceValidationError);
          refused++;
          return;
        }
        clients++;
        // Options that passed the check must not break the first call (a logger or hook of the wrong shape).
        const outcome = await client
          .send({ method: 'GET', path: ['v1'], serviceHost: 'bcc.{region}.baidubce.com' })
          .then(
            () => 'ok',
            (error: unknown) => error,
          );
        if (outcome !== 'ok') expect(outcome).toBeInstanceOf(BceError);
      }),
      { numRuns: 2_000 },
    );

    console.log(`createClient fuzz: ${clients + refused} option sets, ${refused} refused, ${clients} accepted`);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('a logger that throws', () => {
  it('does not fail a call that worked', async () => {
    const boom = () => {
      throw new Error('logger down');
    };
    const client = createClient({
      endpoint: 'https://bcc.bj.baidubce.com',
      credentials: STATIC,
      fetch: async () => new Response('{"ok":true}', { status: 200 }),
      logger: { debug: boom, info: boom, warn: boom, error: boom },
    });

    const value = await client.send({ method: 'GET', path: ['v1'] });

    expect(value).toEqual({ ok: true });
  });
});
