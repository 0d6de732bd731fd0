import { fail } from '../error-response.ts';
import { removeRule, rulesThrough } from '../network.ts';
import type { PeerConnRecord } from '../types.ts';
import type { OperationContext } from './context.ts';

/**
 * Applies the `peerConnRoutes` option when a peer connection is released (delete or refund): with `refuse`, any
 * route rule (of either end) whose next hop is one of its interfaces stops the release with 409 `PeerConnInUse`,
 * naming the caller's own rules and only counting the other account's; with `remove`, those rules are deleted;
 * with `keep`, they stay. The service documents none of this: it is the emulator's assumption.
 * @internal
 */
export function releaseRoutes(ctx: OperationContext, record: PeerConnRecord): void {
  const policy = ctx.state.peerConnRoutes;
  if (policy === 'keep') return;
  const { initiator, acceptor } = record;
  const rules = rulesThrough(ctx.state, [initiator.vpcId, acceptor.vpcId], [initiator.ifId, acceptor.ifId]);
  if (rules.length === 0) return;
  if (policy === 'remove') {
    for (const rule of rules) removeRule(ctx.state, rule);
    return;
  }
  const own = rules.filter((rule) => rule.accountId === ctx.accountId).map((rule) => rule.routeRuleId);
  const others = rules.length - own.length;
  const named = [
    own.length ? `route rules ${own.join(', ')}` : '',
    others ? `${others} route rule(s) of the other account` : '',
  ].filter(Boolean);
  fail(
    'PeerConnInUse',
    `peer connection ${record.peerConnId} is the next hop of ${named.join(' and ')}; delete them first`,
  );
}
