/**
 * A Cloudflare Worker whose Cron Trigger peers VPC pairs: the scheduler waits (for days, if the other account takes
 * days to accept), and each run calls `connectVpcs` once per pair, which makes all the progress it can and returns.
 *
 * KV (binding PAIRS):
 *   "pairs"        the desired pairs: a JSON array of { id, localVpcId, peerVpcId, peerRegion, bandwidthInMbps,
 *                  peerAccountId?, routes?, dnsSync?, description? } (connectVpcs' input, with an id of yours)
 *   "state:<id>"   where that pair stands, written by every run (see PairState)
 *
 *   GET /pairs     every desired pair with its state, as JSON (the report)
 *
 * Configuration (Worker vars and secrets): BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY (secrets) of the account that
 * owns every `localVpcId`, BCE_REGION (the local VPCs' region, default "bj"), and BCE_ENDPOINT to send every request
 * elsewhere (e.g. an emulator at http://127.0.0.1:8788).
 * Optional POLL_MIN_DELAY_MS: first delay between status polls while a connection settles (default 2000).
 */
import { type BceClient, BceServiceError, BceValidationError, createClient } from '@bcekit/core';
import { type ConnectVpcsInput, connectVpcs, getPeerconn } from '@bcekit/peerconn';

/** The KV calls this Worker makes (a subset of Cloudflare's KVNamespace). */
export interface Kv {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}

/** The Worker's bindings. */
export interface Env {
  PAIRS: Kv;
  BCE_ACCESS_KEY_ID?: string;
  BCE_SECRET_ACCESS_KEY?: string;
  BCE_REGION?: string;
  BCE_ENDPOINT?: string;
  POLL_MIN_DELAY_MS?: string;
}

/** One desired pair: connectVpcs' input without a peerClient (this Worker has only its own account's keys). */
export type DesiredPair = { id: string } & Omit<ConnectVpcsInput, 'peerClient' | 'clientToken'>;

/** Where a pair stands after the last run. */
export interface PairState {
  /** `connected` and `waiting-for-acceptance` as connectVpcs returns them; `failed`: no later run will help. */
  state: 'connected' | 'waiting-for-acceptance' | 'failed' | 'error';
  /** The connection's status as last read (`consult_failed` when the other account did not accept in 7 days). */
  status?: string;
  peerConnId?: string;
  /** Why a pair failed or the last run erred, in words; `error` pairs are tried again on the next run. */
  reason?: string;
  /** The clientToken of every run for this pair, so that a create whose answer was lost is not made twice. */
  clientToken: string;
  /** The step names of the last run, in order. */
  steps: string[];
  /** ISO time of the first and the last run for this pair. */
  since: string;
  checkedAt: string;
  runs: number;
}

function clientFor(env: Env): BceClient {
  const { BCE_ACCESS_KEY_ID: accessKeyId, BCE_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY are not set');
  return createClient({
    // The region also tells connectVpcs whether a same-account peer VPC is in this client's region.
    region: env.BCE_REGION ?? 'bj',
    ...(env.BCE_ENDPOINT ? { endpoint: env.BCE_ENDPOINT } : {}),
    credentials: { accessKeyId, secretAccessKey },
    timeout: 10_000,
  });
}

async function readPairs(env: Env): Promise<DesiredPair[]> {
  const text = await env.PAIRS.get('pairs');
  const pairs: unknown = text ? JSON.parse(text) : [];
  if (!Array.isArray(pairs)) throw new Error('KV "pairs" must be a JSON array of pairs');
  return pairs as DesiredPair[];
}

async function readState(env: Env, id: string): Promise<PairState | undefined> {
  const text = await env.PAIRS.get(`state:${id}`);
  return text ? (JSON.parse(text) as PairState) : undefined;
}

/** One pair, one connectVpcs call: records where it stands. A pair that failed for good is left alone. */
async function runPair(client: BceClient, env: Env, pair: DesiredPair, now: string): Promise<PairState> {
  const before = await readState(env, pair.id);
  if (before?.state === 'failed') return before;
  const state: PairState = {
    state: 'error',
    clientToken: before?.clientToken ?? crypto.randomUUID(),
    steps: [],
    since: before?.since ?? now,
    checkedAt: now,
    runs: (before?.runs ?? 0) + 1,
    ...(before?.peerConnId ? { peerConnId: before.peerConnId } : {}),
  };
  const { id, ...input } = pair;
  try {
    const result = await connectVpcs(
      client,
      { ...input, clientToken: state.clientToken },
      {
        maxWaitTime: 60_000,
        minDelay: Number(env.POLL_MIN_DELAY_MS ?? 2000),
        onStep: (step) => state.steps.push(step.step),
      },
    );
    Object.assign(state, { state: result.state, status: result.status, peerConnId: result.peerConnId });
  } catch (error) {
    await explain(client, state, error);
  }
  await env.PAIRS.put(`state:${id}`, JSON.stringify(state));
  return state;
}

/** Says why a run failed, and whether another run can help (`error`) or not (`failed`). */
async function explain(client: BceClient, state: PairState, error: unknown): Promise<void> {
  state.reason = error instanceof Error ? error.message : String(error);
  if (error instanceof BceValidationError) {
    state.state = 'failed'; // the pair as written can never be connected: fix it in KV (with a new id)
    return;
  }
  if (!state.peerConnId || (error instanceof BceServiceError && error.statusCode < 500)) return;
  // connectVpcs refuses a connection that will not become active: read its status to report it.
  const pc = await getPeerconn(client, { peerConnId: state.peerConnId }).catch(() => undefined);
  if (!pc) return;
  state.status = pc.status;
  if (pc.status === 'consult_failed') {
    state.state = 'failed';
    state.reason = `the other account did not accept ${pc.peerConnId} within 7 days (consult_failed); delete it (deletePeerconn) and add the pair again under a new id to ask again`;
  } else if (['expired', 'error', 'down'].includes(pc.status)) {
    state.state = 'failed';
    state.reason = `${pc.peerConnId} is "${pc.status}" and will not become active; delete it and add the pair again under a new id`;
  }
}

/** One scheduled run: every pair in turn (one pair's failure does not stop the others). */
export async function runAll(env: Env, now = new Date()): Promise<Record<string, PairState>> {
  const client = clientFor(env);
  const report: Record<string, PairState> = {};
  for (const pair of await readPairs(env)) {
    report[pair.id] = await runPair(client, env, pair, now.toISOString());
  }
  return report;
}

async function listStates(env: Env): Promise<Response> {
  const pairs = await readPairs(env);
  const states = await Promise.all(pairs.map(async (pair) => ({ ...pair, state: await readState(env, pair.id) })));
  return Response.json({ pairs: states });
}

export default {
  async scheduled(_controller: unknown, env: Env): Promise<void> {
    const report = await runAll(env);
    for (const [id, { state, status, reason }] of Object.entries(report)) {
      if (state === 'failed' || state === 'error') console.error(`pair ${id}: ${state} (${status ?? '-'}): ${reason}`);
    }
  },
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/pairs') return listStates(env);
    return Response.json({ code: 'NotFound', message: 'routes: GET /pairs' }, { status: 404 });
  },
};
