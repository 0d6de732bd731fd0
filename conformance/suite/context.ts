// What a case gets from its runner, and the few calls it makes to the node side's control route.
import { type BceClient, type ClientOptions, createClient } from '@bcekit/core';

/** Given to every case by its runner. */
export interface ConformanceEnv {
  /** Base URL of the emulator with its control route, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Runner name, for messages (`node`, `deno`, `workerd` …). */
  runtime: string;
  /**
   * The HMAC back end `sign()` must pick here: `native` where the runtime offers `node:crypto` through
   * `process.getBuiltinModule` (Node, Deno, Bun), `webcrypto` elsewhere (browsers, workerd).
   */
  signBackend: 'native' | 'webcrypto';
  /**
   * What `sign()` falls back to with neither native crypto nor `crypto.subtle`: `noble` (`@noble/hashes`, loaded
   * on demand) in the sources and the browser build, `none` in the Worker build (the `workerd`/`worker`
   * conditions), which leaves the fallback out and throws a `BceSigningError` instead.
   */
  signFallback: 'noble' | 'none';
}

/** One conformance case: a name and a check that throws when the runtime does not conform. */
export interface ConformanceCase {
  /** Group, e.g. `signing`, `lifecycle`. */
  group: string;
  name: string;
  run(env: ConformanceEnv): Promise<void>;
}

/** A fresh emulator account made for one case, so cases never share state. */
export interface TestAccount {
  accountId: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Its VPCs, in the order of the regions asked for. */
  vpcIds: string[];
}

/** The JSON form of an emulator fault (`FaultSpec`; `match.path` is an exact path). */
export interface FaultJson {
  match?: { method?: string; operation?: string; path?: string };
  times?: number;
  error?: { status: number; code?: string; message?: string; retryAfterSeconds?: number };
  response?: { status: number; body?: string; headers?: Record<string, string> };
  drop?: 'before' | 'after';
  delayMs?: number;
}

async function control<T>(env: ConformanceEnv, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${env.url}/__control/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control route ${route} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A new account with one VPC per region given (e.g. `['bj', 'bj']`). `temporary` adds STS-style credentials. */
export function newAccount(env: ConformanceEnv, regions: string[], temporary = false): Promise<TestAccount> {
  return control<TestAccount>(env, 'account', { regions, temporary });
}

/** Injects an emulator fault. Always scope it with `match.path` to an id of your own: runtimes share the emulator. */
export async function injectFault(env: ConformanceEnv, fault: FaultJson): Promise<void> {
  await control(env, 'fault', fault);
}

/** A client of `account` against the emulator; retries off unless given. */
export function clientFor(env: ConformanceEnv, account: TestAccount, options: Partial<ClientOptions> = {}): BceClient {
  return createClient({ endpoint: env.url, credentials: account.credentials, retry: 0, timeout: 10_000, ...options });
}

/** A `fetch` that records every request it sends. */
export function recordingFetch(): { fetch: typeof fetch; sent: { method: string; url: string }[] } {
  const sent: { method: string; url: string }[] = [];
  const recorder = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ method: request.method, url: request.url });
    return fetch(request);
  };
  return { fetch: recorder as typeof fetch, sent };
}

/** An id no connection has, unique per call, to scope faults to one case. */
export function unusedPeerConnId(tag: string): string {
  return `peerconn-${tag}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A folder with Baidu CLI files holding `credentials` (see the control server's `cli-home` route). */
export async function newCliHome(
  env: ConformanceEnv,
  options: {
    credentials: TestAccount['credentials'];
    format?: 'json' | 'ini';
    profile?: string;
    current?: string;
    region?: string;
    mode?: number;
  },
): Promise<string> {
  return (await control<{ configDir: string }>(env, 'cli-home', options)).configDir;
}
