import type { EmulatorAccount, EmulatorVpc } from './types.ts';

/** A documented fixture account with its VPCs. All keys are fake and only work against the emulator. */
export interface FixtureAccount extends EmulatorAccount {
  /** Short name used in docs and examples. */
  name: string;
  /** The account's VPCs, by region. */
  vpcs: readonly EmulatorVpc[];
}

/**
 * The two accounts every emulator starts with (unless `seed: false`). Keys are fake.
 *
 * | name  | accountId                 | accessKeyId                 | secretAccessKey                  | VPCs |
 * |-------|---------------------------|-----------------------------|----------------------------------|------|
 * | alice | `acc-alice-0000000001`    | `AKIDALICE00000000000000000EXAMPLE` | `alice-secret-key-fake-0000000000` | `vpc-alicebj00001`, `vpc-alicebj00002` (bj), `vpc-alicegz00001` (gz), `vpc-alicesu00001` (su) |
 * | bob   | `acc-bob-00000000002`     | `AKIDBOB000000000000000000EXAMPLE` | `bob-secret-key-fake-00000000000` | `vpc-bobbj000001` (bj), `vpc-bobgz000001` (gz), `vpc-bobhkg00001` (hkg) |
 *
 * @example
 * import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
 * const [alice, bob] = FIXTURE_ACCOUNTS;
 * const client = createClient({ endpoint: url, credentials: alice });
 */
export const FIXTURE_ACCOUNTS: readonly [FixtureAccount, FixtureAccount] = [
  {
    name: 'alice',
    accountId: 'acc-alice-0000000001',
    accessKeyId: 'AKIDALICE00000000000000000EXAMPLE',
    secretAccessKey: 'alice-secret-key-fake-0000000000',
    vpcs: [
      { vpcId: 'vpc-alicebj00001', accountId: 'acc-alice-0000000001', region: 'bj', name: 'alice-bj-main' },
      { vpcId: 'vpc-alicebj00002', accountId: 'acc-alice-0000000001', region: 'bj', name: 'alice-bj-second' },
      { vpcId: 'vpc-alicegz00001', accountId: 'acc-alice-0000000001', region: 'gz', name: 'alice-gz-main' },
      { vpcId: 'vpc-alicesu00001', accountId: 'acc-alice-0000000001', region: 'su', name: 'alice-su-main' },
    ],
  },
  {
    name: 'bob',
    accountId: 'acc-bob-00000000002',
    accessKeyId: 'AKIDBOB000000000000000000EXAMPLE',
    secretAccessKey: 'bob-secret-key-fake-00000000000',
    vpcs: [
      { vpcId: 'vpc-bobbj000001', accountId: 'acc-bob-00000000002', region: 'bj', name: 'bob-bj-main' },
      { vpcId: 'vpc-bobgz000001', accountId: 'acc-bob-00000000002', region: 'gz', name: 'bob-gz-main' },
      { vpcId: 'vpc-bobhkg00001', accountId: 'acc-bob-00000000002', region: 'hkg', name: 'bob-hkg-main' },
    ],
  },
];
