import type { EmulatorAccount } from './types.ts';

/** A subnet of a fixture VPC. */
export interface FixtureSubnet {
  subnetId: string;
  name: string;
  zoneName: string;
  cidr: string;
}

/** A VPC of a fixture account, with its CIDR, route table id and subnets. */
export interface FixtureVpc {
  vpcId: string;
  accountId: string;
  region: string;
  name: string;
  cidr: string;
  routeTableId: string;
  subnets: readonly FixtureSubnet[];
}

/** A documented fixture account with its VPCs. All keys are fake and only work against the emulator. */
export interface FixtureAccount extends EmulatorAccount {
  /** Short name used in docs and examples. */
  name: string;
  /** The account's VPCs, by region. */
  vpcs: readonly FixtureVpc[];
}

const ALICE = 'acc-alice-0000000001';
const BOB = 'acc-bob-00000000002';

function vpc(
  accountId: string,
  vpcId: string,
  region: string,
  name: string,
  cidr: string,
  subnets: [string, string, string][],
): FixtureVpc {
  const routeTableId = `rt-${vpcId.slice(4)}`;
  const zoned = subnets.map(([subnetId, zone, subnetCidr]) => ({
    subnetId,
    name: `${name}-${zone}`,
    zoneName: `cn-${region}-${zone}`,
    cidr: subnetCidr,
  }));
  return { vpcId, accountId, region, name, cidr, routeTableId, subnets: zoned };
}

/**
 * The two accounts every emulator starts with (unless `seed: false`). Keys are fake. Every VPC has a default
 * route table `rt-` + the VPC id's suffix, with one `sys` rule per subnet. The CIDRs do not overlap, except
 * alice's `vpc-alicebj00001` (192.168.0.0/16) and bob's `vpc-bobhkg00001` (192.168.0.0/20): a route between those
 * two is refused, as the service refuses a destination that overlaps the VPC's own CIDR.
 *
 * | name  | accountId              | accessKeyId                         | secretAccessKey                    |
 * |-------|------------------------|-------------------------------------|------------------------------------|
 * | alice | `acc-alice-0000000001` | `AKIDALICE00000000000000000EXAMPLE` | `alice-secret-key-fake-0000000000` |
 * | bob   | `acc-bob-00000000002`  | `AKIDBOB000000000000000000EXAMPLE`  | `bob-secret-key-fake-00000000000`  |
 *
 * | VPC                | region | CIDR           | subnets (zone: CIDR)                                     |
 * |--------------------|--------|----------------|----------------------------------------------------------|
 * | `vpc-alicebj00001` | bj     | 192.168.0.0/16 | `sbn-alicebj1a01` (a: 192.168.1.0/24), `sbn-alicebj1b01` (b: 192.168.2.0/24) |
 * | `vpc-alicebj00002` | bj     | 172.16.0.0/16  | `sbn-alicebj2a01` (a: 172.16.1.0/24)                     |
 * | `vpc-alicegz00001` | gz     | 172.17.0.0/16  | `sbn-alicegz1a01` (a: 172.17.1.0/24)                     |
 * | `vpc-alicesu00001` | su     | 172.18.0.0/16  | `sbn-alicesu1a01` (a: 172.18.1.0/24)                     |
 * | `vpc-bobbj000001`  | bj     | 172.20.0.0/16  | `sbn-bobbj1a0001` (a: 172.20.1.0/24)                     |
 * | `vpc-bobgz000001`  | gz     | 172.21.0.0/16  | `sbn-bobgz1a0001` (a: 172.21.1.0/24)                     |
 * | `vpc-bobhkg00001`  | hkg    | 192.168.0.0/20 | `sbn-bobhkg1a001` (a: 192.168.1.0/24)                    |
 *
 * @example
 * import { FIXTURE_ACCOUNTS } from '@bcekit/emulator';
 * const [alice, bob] = FIXTURE_ACCOUNTS;
 * const client = createClient({ endpoint: url, credentials: alice });
 */
export const FIXTURE_ACCOUNTS: readonly [FixtureAccount, FixtureAccount] = [
  {
    name: 'alice',
    accountId: ALICE,
    accessKeyId: 'AKIDALICE00000000000000000EXAMPLE',
    secretAccessKey: 'alice-secret-key-fake-0000000000',
    vpcs: [
      vpc(ALICE, 'vpc-alicebj00001', 'bj', 'alice-bj-main', '192.168.0.0/16', [
        ['sbn-alicebj1a01', 'a', '192.168.1.0/24'],
        ['sbn-alicebj1b01', 'b', '192.168.2.0/24'],
      ]),
      vpc(ALICE, 'vpc-alicebj00002', 'bj', 'alice-bj-second', '172.16.0.0/16', [
        ['sbn-alicebj2a01', 'a', '172.16.1.0/24'],
      ]),
      vpc(ALICE, 'vpc-alicegz00001', 'gz', 'alice-gz-main', '172.17.0.0/16', [
        ['sbn-alicegz1a01', 'a', '172.17.1.0/24'],
      ]),
      vpc(ALICE, 'vpc-alicesu00001', 'su', 'alice-su-main', '172.18.0.0/16', [
        ['sbn-alicesu1a01', 'a', '172.18.1.0/24'],
      ]),
    ],
  },
  {
    name: 'bob',
    accountId: BOB,
    accessKeyId: 'AKIDBOB000000000000000000EXAMPLE',
    secretAccessKey: 'bob-secret-key-fake-00000000000',
    vpcs: [
      vpc(BOB, 'vpc-bobbj000001', 'bj', 'bob-bj-main', '172.20.0.0/16', [['sbn-bobbj1a0001', 'a', '172.20.1.0/24']]),
      vpc(BOB, 'vpc-bobgz000001', 'gz', 'bob-gz-main', '172.21.0.0/16', [['sbn-bobgz1a0001', 'a', '172.21.1.0/24']]),
      vpc(BOB, 'vpc-bobhkg00001', 'hkg', 'bob-hkg-main', '192.168.0.0/20', [
        ['sbn-bobhkg1a001', 'a', '192.168.1.0/24'],
      ]),
    ],
  },
];
