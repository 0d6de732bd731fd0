// The job itself: two VPCs that can reach each other. Every step is a bcekit call, printed as it happens; it runs
// unchanged against the emulator (demo.mjs) and, with --live, against Baidu.
import { BceError } from '@bcekit/core';
import { connectVpcs, disconnectVpcs } from '@bcekit/peerconn';
import { getRouteTable } from '@bcekit/vpc';

/** Prints a VPC's route table, one rule a line (system rules included). */
export async function printTable(client, vpcId, log) {
  const table = await getRouteTable(client, { vpcId });
  log(`   ${vpcId} route table ${table.routeTableId}:`);
  for (const rule of table.routeRules) {
    const id = rule.routeRuleId || '(system)';
    log(
      `     ${rule.sourceAddress.padEnd(16)} -> ${rule.destinationAddress.padEnd(16)} via ${rule.nexthopType} ${rule.nexthopId}  ${id}`,
    );
  }
  return table;
}

/** The `onStep` printer: one line per step of connectVpcs / disconnectVpcs. */
export function stepPrinter(log) {
  return (step) => {
    const where = step.side ? ` (${step.side} side)` : '';
    const what = step.destination ? ` ${step.destination} -> ${step.routeRuleId || '?'}` : '';
    log(`   step ${step.step}${where}${what}`);
  };
}

/**
 * Connects a pair, shows both tables before and after, and returns the result.
 * @param {{ client: import('@bcekit/core').BceClient, peerReader: import('@bcekit/core').BceClient, input: object,
 *   options: object, log: (line: string) => void }} job
 */
export async function connectAndShow({ client, peerReader, input, options, log }) {
  log('   before:');
  await printTable(client, input.localVpcId, log);
  await printTable(peerReader, input.peerVpcId, log);
  const started = Date.now();
  const result = await connectVpcs(client, input, { ...options, onStep: stepPrinter(log) });
  log(
    `   => ${result.state}: ${result.peerConnId} is ${result.status}, DNS ${result.dnsStatus} (${Date.now() - started} ms)`,
  );
  log('   after:');
  await printTable(client, input.localVpcId, log);
  await printTable(peerReader, input.peerVpcId, log);
  return result;
}

/** Disconnects and checks that both tables are back to what they were. */
export async function disconnectAndCheck({ client, peerClient, peerConnId, tables, options, log }) {
  const result = await disconnectVpcs(client, { peerConnId, peerClient }, { ...options, onStep: stepPrinter(log) });
  log(`   => deleted: ${result.deleted}; removed ${result.removedRouteRuleIds.length} route rule(s)`);
  for (const [reader, before] of tables) {
    const after = await getRouteTable(reader, { vpcId: before.vpcId });
    const same = JSON.stringify(after.routeRules) === JSON.stringify(before.routeRules);
    log(`   ${before.vpcId}: ${same ? 'route table as it was before' : 'route table DIFFERS from before'}`);
    if (!same) throw new BceError(`disconnectVpcs left ${before.vpcId}'s route table changed`);
  }
  return result;
}
