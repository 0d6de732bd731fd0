/**
 * A Cloudflare Worker exposing a small HTTP API over BCE VPC peer connections:
 *
 *   GET  /peerconns?vpcId=vpc-…   every peer connection (of that VPC), all pages  -> 200 { peerConns: [...] }
 *   POST /peerconns               a createPeerconn input as JSON                  -> 201 { peerConnId }
 *
 * Errors are JSON `{ code, message, … }`: invalid input 400 with `issues`; a service refusal keeps the
 * service's status, code and requestId; timeouts 504; network failures 502.
 *
 * Configuration (Worker vars and secrets): BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY (secrets), optional
 * BCE_SECURITY_TOKEN, and BCE_REGION (e.g. "bj") or BCE_ENDPOINT (e.g. an emulator at http://127.0.0.1:8788).
 */
import {
  type BceClient,
  BceError,
  BceNetworkError,
  BceServiceError,
  BceTimeoutError,
  BceValidationError,
  createClient,
} from '@bcekit/core';
import { createPeerconn, paginatePeerconns } from '@bcekit/peerconn';

/** The Worker's bindings (wrangler.toml `[vars]`, `wrangler secret put`, or `.dev.vars` locally). */
export interface Env {
  BCE_ACCESS_KEY_ID?: string;
  BCE_SECRET_ACCESS_KEY?: string;
  BCE_SECURITY_TOKEN?: string;
  BCE_REGION?: string;
  BCE_ENDPOINT?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

/** The Worker's own mistake (bad bindings), kept apart from the caller's so that it answers 500. */
class ConfigError extends Error {}

// One client per set of bindings: it keeps its learned clock offset across requests of this isolate.
const clients = new WeakMap<Env, BceClient>();

function clientFor(env: Env): BceClient {
  const cached = clients.get(env);
  if (cached) return cached;
  const { BCE_ACCESS_KEY_ID: accessKeyId, BCE_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey)
    throw new ConfigError('BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY are not set');
  if (!env.BCE_ENDPOINT && !env.BCE_REGION) throw new ConfigError('set BCE_REGION (e.g. "bj") or BCE_ENDPOINT');
  let client: BceClient;
  try {
    client = createClient({
      ...(env.BCE_ENDPOINT ? { endpoint: env.BCE_ENDPOINT } : {}),
      ...(env.BCE_REGION ? { region: env.BCE_REGION } : {}),
      credentials: env.BCE_SECURITY_TOKEN
        ? { accessKeyId, secretAccessKey, sessionToken: env.BCE_SECURITY_TOKEN }
        : { accessKeyId, secretAccessKey },
      // A Worker has a limited time per request: fail a slow call rather than wait out the default 30 s.
      timeout: 10_000,
      retry: 2,
    });
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  clients.set(env, client);
  return client;
}

async function listRoute(url: URL, env: Env): Promise<Response> {
  // `?vpcId=` (empty) means "no filter": `||` turns '' into undefined; an empty id would be refused as invalid.
  const vpcId = url.searchParams.get('vpcId') || undefined;
  const peerConns = [];
  for await (const pc of paginatePeerconns(clientFor(env), { vpcId }).items()) peerConns.push(pc);
  return json(200, { peerConns });
}

async function createRoute(request: Request, env: Env): Promise<Response> {
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return json(400, { code: 'MalformedJSON', message: 'the body must be a JSON object' });
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return json(400, { code: 'MalformedJSON', message: 'the body must be a JSON object' });
  }
  // createPeerconn checks the input itself and rejects with every problem at once (BceValidationError).
  const { peerConnId } = await createPeerconn(clientFor(env), input as Parameters<typeof createPeerconn>[1]);
  return json(201, { peerConnId }, { location: `/peerconns/${peerConnId}` });
}

/** bcekit errors to JSON answers. Their messages are redacted by bcekit, so they are safe to return. */
function errorResponse(error: unknown): Response {
  if (error instanceof ConfigError) {
    return json(500, { code: 'WorkerMisconfigured', message: error.message });
  }
  if (error instanceof BceValidationError) {
    return json(400, { code: 'ValidationError', message: error.message, issues: error.issues });
  }
  if (error instanceof BceServiceError) {
    return json(error.statusCode, {
      code: error.code,
      message: error.serviceMessage,
      requestId: error.requestId,
    });
  }
  if (error instanceof BceTimeoutError) return json(504, { code: 'Timeout', message: error.message });
  if (error instanceof BceNetworkError) return json(502, { code: 'NetworkError', message: error.message });
  if (error instanceof BceError) return json(502, { code: 'BceError', message: error.message });
  console.error(error);
  return json(500, { code: 'InternalError', message: 'unexpected error' });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== '/peerconns') {
      return json(404, { code: 'NotFound', message: 'routes: GET /peerconns?vpcId=, POST /peerconns' });
    }
    try {
      if (request.method === 'GET') return await listRoute(url, env);
      if (request.method === 'POST') return await createRoute(request, env);
      return json(405, { code: 'MethodNotAllowed', message: 'use GET or POST' }, { allow: 'GET, POST' });
    } catch (error) {
      return errorResponse(error);
    }
  },
};
