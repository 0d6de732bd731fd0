// What each behaviour of the client costs in an app's Worker bundle (gzip -9): the app is built again with that
// behaviour's code replaced by a stub that does nothing (packages' dist/esm patched in memory, nothing written), and
// the difference is printed. Every behaviour listed is required by the tests or the docs; the numbers say where the
// bytes of a missed size target go, not what could be dropped. Section 1's leave-one-out notes give the same by
// module; this groups them by what the code does.
//
// Usage: node bench/feature-cost.mjs [entry ...]   (default: create-only route-rule-only; packages must be built)
// A stub whose code no longer matches the built file stops the run with the file and the pattern it looked for.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { gzipSize, workerOptions } from './bundles.mjs';
import { prepare } from './lib/prepare.mjs';

/** Replaces the whole `function name(…) { … }` (async or not) with `replacement`. */
function stubFunction(name, replacement) {
  return (source, file) => {
    const found = new RegExp(`(?:async )?function ${name}\\(`).exec(source);
    if (!found) throw new Error(`feature-cost: no function ${name} in ${file}`);
    const end = (from, open, close) => {
      let depth = 0;
      for (let at = from; at < source.length; at++) {
        if (source[at] === open) depth++;
        else if (source[at] === close && --depth === 0) return at;
      }
      throw new Error(`feature-cost: unbalanced ${open}${close} after ${name} in ${file}`);
    };
    const paramsEnd = end(found.index + found[0].length - 1, '(', ')');
    const bodyEnd = end(source.indexOf('{', paramsEnd), '{', '}');
    return `${source.slice(0, found.index)}${replacement}${source.slice(bodyEnd + 1)}`;
  };
}

/** Replaces what `pattern` matches (every match with the g flag); it must match. */
function stubText(pattern, replacement) {
  return (source, file) => {
    const out = source.replace(pattern, replacement);
    if (out === source) throw new Error(`feature-cost: ${pattern} matches nothing in ${file}`);
    return out;
  };
}

const SEND = 'core/dist/esm/client/send.js';
const NORMALIZE = 'core/dist/esm/client/normalize-options.js';

/** Each behaviour: the files it lives in (under packages/) and the stubs that take it out. */
const FEATURES = {
  'logger: filtered log lines, logAborted': {
    [NORMALIZE]: [stubFunction('fillLogger', 'function fillLogger(given) { return given; }')],
    [SEND]: [
      stubText(/const log = logger && [\s\S]*?\n {2}\}\);\n/, 'const log = undefined;\n'),
      stubText(/\n\s*log\?\.\("[a-z]+", "bcekit: [^\n]*/g, ''),
      stubText(/const logData = [^\n]*/, 'const logData = {};'),
      stubText(/\n\s*if \(call\.signal\) running\.catch[^\n]*/, ''),
      stubFunction('describeOutcome', ''),
      stubFunction('logAborted', ''),
    ],
  },
  'hooks: beforeAttempt/afterAttempt with filtered state': {
    [NORMALIZE]: [
      stubFunction('filterHooks', 'function filterHooks() { return {}; }'),
      stubFunction('filterState', ''),
      stubFunction('filterHeaders', ''),
    ],
    [SEND]: [
      stubText(/const base = hooks[\s\S]*?: void 0;/, ''),
      stubText(/const added = [^\n]*/, 'const added = undefined;'),
      stubText(/const responseHeaders = hooks\.afterAttempt[^\n]*/, 'const responseHeaders = undefined;'),
      stubText(/\n\s*if \(hooks\.afterAttempt\) await[^\n]*/g, ''),
      stubText(/\n\s*if \(hooks\.afterAttempt\) \{[\s\S]*?\n {4}\}/, ''),
    ],
  },
  'redaction: remembered secrets, secret patterns, decoded echoes, causes, toJSON': {
    'core/dist/esm/errors/redact.js': [
      () =>
        'function rememberSecrets() {}\nfunction redact(t) { return t; }\nfunction redactValue(v) { return v; }\n' +
        'function redactCause(c) { return c; }\nexport { redact, redactCause, redactValue, rememberSecrets };\n',
    ],
  },
  'createClient option checks: endpoint, region, retry, timeout, logger/hooks shape, credential fields': {
    'core/dist/esm/client/resolve-endpoint.js': [
      stubFunction(
        'parseEndpoint',
        'function parseEndpoint(e) { return { origin: new URL(e).origin, assumedHttps: false }; }',
      ),
      stubFunction('checkRegion', 'function checkRegion() { return undefined; }'),
      stubFunction('withoutSecrets', 'function withoutSecrets(e) { return e; }'),
    ],
    [NORMALIZE]: [
      stubFunction('checkMethods', 'function checkMethods() { return []; }'),
      stubFunction('normalizeTimeout', 'function normalizeTimeout(t, b) { return t ?? b; }'),
      stubFunction(
        'normalizeRetry',
        'function normalizeRetry(r, b) { return r === undefined ? b : { ...b, ...(typeof r === "number" ? { limit: r } : r) }; }',
      ),
      stubFunction('checkCredentials', 'function checkCredentials() { return []; }'),
      stubFunction('stripUndefined', 'function stripUndefined(v) { return v; }'),
    ],
  },
  'credential providers: cached until expiry, one shared refresh, checked result': {
    'core/dist/esm/credentials/cached-provider.js': [
      // Static credentials keep their path (pick() and its remembered secrets); a provider is called every time.
      stubFunction(
        'cachedCredentials',
        'function cachedCredentials(s) { const c = typeof s === "function" ? undefined : pick(s); return c ? () => Promise.resolve(c) : async () => pick(await s()); }',
      ),
    ],
  },
  'error bodies: code by status, HTML excerpt, redirect message': {
    'core/dist/esm/errors/from-response.js': [
      stubText(/const CODE_BY_STATUS = \{[\s\S]*?\};/, 'const CODE_BY_STATUS = {};'),
      stubFunction('describeRedirect', 'function describeRedirect() { return undefined; }'),
      stubFunction('describeBody', 'function describeBody(text) { return text; }'),
    ],
  },
  'signer input checks: credentials, expiration, timestamp range': {
    'signer/dist/esm/auth-string.js': [
      stubFunction('checkCredentials', 'function checkCredentials(c) { return c; }'),
      stubText(/if \(!Number\.isInteger\(expiration\)[\s\S]*?\n {2}\}/, ''),
      stubText(/if \(typeof ms !== "number"[\s\S]*?\n {2}\}/, ''),
    ],
  },
  'clock-skew correction': {
    'core/dist/esm/clock/clock-offset.js': [
      stubFunction(
        'createClientClock',
        'function createClientClock() { return { now: Date.now, offset: 0, observe() {} }; }',
      ),
    ],
    'core/dist/esm/retry/retry-policy.js': [
      stubFunction('isClockSkewFailure', 'function isClockSkewFailure() { return false; }'),
    ],
  },
  'Retry-After and jittered backoff': {
    'core/dist/esm/retry/backoff.js': [
      stubFunction('parseRetryAfter', 'function parseRetryAfter() { return undefined; }'),
      stubFunction('retryDelay', 'function retryDelay() { return 0; }'),
      stubFunction('backoffDelay', 'function backoffDelay() { return 0; }'),
    ],
  },
  'native node:crypto HMAC (Workers with nodejs_compat)': {
    'signer/dist/esm/hmac-native.js': [stubFunction('nativeHmacHex', 'function nativeHmacHex() { return undefined; }')],
  },
};

/** The gzip size of `name`'s Worker bundle with `stubs` applied. */
async function workerGzip(name, stubs) {
  const patch = {
    name: 'stub',
    setup(b) {
      b.onLoad({ filter: /packages\/(core|signer)\/dist\/esm\/.*\.js$/ }, (args) => {
        const file = Object.keys(stubs).find((key) => args.path.endsWith(key));
        if (!file) return undefined;
        let source = readFileSync(args.path, 'utf8');
        for (const stub of stubs[file]) source = stub(source, file);
        return { contents: source, loader: 'js' };
      });
    },
  };
  const result = await build({ ...workerOptions(name), metafile: false, write: false, plugins: [patch] });
  return gzipSize(result.outputFiles[0].contents);
}

prepare({ log: () => {} });
const entries = process.argv.slice(2);
for (const name of entries.length > 0 ? entries : ['create-only', 'route-rule-only']) {
  const whole = await workerGzip(name, {});
  console.log(`${name}, Worker one file: ${whole.toLocaleString('en-US')} B gzip; without each behaviour:`);
  const together = {};
  for (const [feature, stubs] of Object.entries(FEATURES)) {
    console.log(`  ${String(whole - (await workerGzip(name, stubs))).padStart(5)} B  ${feature}`);
    for (const [file, list] of Object.entries(stubs)) together[file] = [...(together[file] ?? []), ...list];
  }
  console.log(`  ${String(whole - (await workerGzip(name, together))).padStart(5)} B  all of them together`);
}
