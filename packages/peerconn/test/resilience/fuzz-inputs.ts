import fc from 'fast-check';

const ID = 'peerconn-fuzz00001';

/** One valid input per public function; the fuzzer mutates these and mixes them with anything at all. */
export const VALID_INPUTS: Readonly<Record<string, Record<string, unknown>>> = {
  createPeerconn: { bandwidthInMbps: 10, localVpcId: 'vpc-a1', peerVpcId: 'vpc-b1', peerRegion: 'bj' },
  listPeerconns: {},
  getPeerconn: { peerConnId: ID },
  updatePeerconn: { peerConnId: ID, localIfId: 'qpif-a1' },
  acceptPeerconn: { peerConnId: ID },
  rejectPeerconn: { peerConnId: ID },
  handlePeerconn: { peerConnId: ID, action: 'accept' },
  deletePeerconn: { peerConnId: ID },
  resizePeerconn: { peerConnId: ID, newBandwidthInMbps: 20 },
  renewPeerconn: { peerConnId: ID },
  openPeerconnDnsSync: { peerConnId: ID, role: 'initiator' },
  closePeerconnDnsSync: { peerConnId: ID, role: 'acceptor' },
  updatePeerconnDeleteProtect: { peerConnId: ID, deleteProtect: true },
  refundPeerconn: { peerConnId: ID },
  paginatePeerconns: { maxKeys: 10 },
  waitForPeerconn: { peerConnId: ID, until: 'active', maxWaitTime: 1_000, minDelay: 1, maxDelay: 1 },
};

/** Every field any operation reads, plus keys that attack prototypes or coercion. */
const FIELDS = [
  'peerConnId',
  'clientToken',
  'bandwidthInMbps',
  'newBandwidthInMbps',
  'localVpcId',
  'peerVpcId',
  'peerRegion',
  'description',
  'localIfId',
  'localIfName',
  'peerAccountId',
  'peerIfName',
  'billing',
  'tags',
  'resourceGroupId',
  'deleteProtect',
  'role',
  'action',
  'vpcId',
  'marker',
  'maxKeys',
  'until',
  'maxWaitTime',
  'minDelay',
  'maxDelay',
];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'toJSON'];

/** A string of `min`..`max` characters made by repeating a short seed: cheap to generate even at 100k. */
const hugeString = (min: number, max: number) =>
  fc
    .tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min, max }))
    .map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));

/** Objects carrying `__proto__` / `constructor` payloads, as `JSON.parse` of an attacker's body makes them. */
const pollutingObject = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"polluted":"yes"},"tagKey":"k","tagValue":"v"}'),
  () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  () => ({ toString: 'not a function', valueOf: 42 }),
  () => Object.create(null),
  () => [JSON.parse('{"__proto__":{"polluted":"yes"}}')],
  () => new Date(Number.NaN),
  () => new Map([['__proto__', 1]]),
);

/** Any value, weighted towards the ones that break validators: wrong types, huge and odd strings, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    key: fc.oneof(fc.string(), fc.constantFrom(...HOSTILE_KEYS, ...FIELDS)),
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 3,
  }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '.', '..', '/', 'a/b', '%2F', '\u0000', '\ud800', 'peerconn-\udfff', ' ', '\r\n', '?x=1', '#'),
  hugeString(1_000, 100_000),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53, -1, 0, 1.5, 1e308),
  pollutingObject.map((make) => make()),
);

/** A valid input with up to three fields replaced, added or attacked (own `__proto__` keys or a changed prototype). */
export function mutatedInput(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const edit = fc.tuple(fc.constantFrom(...FIELDS, ...HOSTILE_KEYS), hostileValue, fc.boolean());
  return fc.array(edit, { maxLength: 3 }).map((edits) => {
    const input: Record<string, unknown> = { ...valid };
    for (const [key, value, asOwn] of edits) {
      // `input[key] = …` on `__proto__` swaps the prototype; defineProperty makes an own key, as JSON.parse does.
      if (asOwn) Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
      else input[key] = value;
    }
    return input;
  });
}

/** Valid optional fields (any printable clientToken, unicode text, tags, billing) over a valid base. */
export function validVariant(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const printable = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 64,
  });
  return fc
    .record(
      {
        clientToken: printable,
        description: fc.oneof(fc.string({ unit: 'grapheme' }), hugeString(1_000, 20_000)),
        tags: fc.array(fc.record({ tagKey: fc.string({ minLength: 1 }), tagValue: fc.string({ unit: 'grapheme' }) }), {
          maxLength: 3,
        }),
      },
      { requiredKeys: [] },
    )
    .map((extra) => ({ ...valid, ...extra }));
}

/** Per-call options: absent, sensible, or hostile. */
export const callOptions: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ timeout: hostileValue, retry: hostileValue }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: hostileValue },
);
