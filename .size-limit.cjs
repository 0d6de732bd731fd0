// Budgets of issue 16 (gzip), at the targets, for both build modes that `pnpm size` builds first
// (node bench/bundles.mjs --ours; see its header):
//  - page, initial: esbuild --bundle --minify --platform=browser --splitting; the @noble/hashes fallback, loaded by
//    `import()` only where neither native crypto nor crypto.subtle exists, is a lazy chunk and not counted;
//  - Worker, one file: the same without splitting, with wrangler's conditions (workerd, worker, browser).
// The targets are in KiB; size-limit's kB is 1000 B, hence 10.24 kB = 10 KiB.
//
// `knownMisses` (read by bench/size-check.mjs, which npm test runs instead of bare size-limit): entries whose
// target is not met today. Each keeps its budget at the target, so size-limit reports it as over; the check lets
// it pass only below its `ceiling` (bytes) and prints how far over the target it is. BENCHMARKS.md ("Targets not
// met") says by how much, what was tried and where the bytes go.
function hasConnectVpcs() {
  const { existsSync, readFileSync } = require('node:fs');
  const index = `${__dirname}/packages/peerconn/src/index.ts`;
  return existsSync(index) && /\bconnectVpcs\b/.test(readFileSync(index, 'utf8'));
}

const apps = [
  ['createClient + createPeerconn', 'create-only', '10.24 kB'],
  ['every peerconn operation + paginator + waiter', 'everything', '16.384 kB'],
  ['signer alone (sign)', 'signer', '2.56 kB'],
  // @bcekit/vpc's smallest useful app: held to the budget of create-only peerconn (issue 14).
  ['createClient + createRouteRule', 'route-rule-only', '10.24 kB'],
  // Built by bench/bundles.mjs once @bcekit/peerconn exports connectVpcs.
  ...(hasConnectVpcs() ? [['connectVpcs app', 'connect-vpcs', '20.48 kB']] : []),
];

module.exports = apps.flatMap(([name, file, limit]) => [
  { name: `${name}, page initial`, path: `bench/.out/bundles/${file}/${file}.js`, limit, gzip: true },
  { name: `${name}, Worker one file`, path: `bench/.out/bundles/${file}.worker.js`, limit, gzip: true },
]);

// Ceilings a quarter KiB above the sizes measured when issue 16's second session ended (create-only 12,344 B,
// route-rule 12,753 B, Worker one file): room for a fix, none for a slide. BENCHMARKS.md says what the bytes pay for.
const CREATE_ONLY_CEILING = 12_600;
const ROUTE_RULE_CEILING = 13_010;

module.exports.knownMisses = {
  'createClient + createPeerconn, page initial': { ceiling: CREATE_ONLY_CEILING },
  'createClient + createPeerconn, Worker one file': { ceiling: CREATE_ONLY_CEILING },
  'createClient + createRouteRule, page initial': { ceiling: ROUTE_RULE_CEILING },
  'createClient + createRouteRule, Worker one file': { ceiling: ROUTE_RULE_CEILING },
};
