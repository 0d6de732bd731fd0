// Runs Baidu's official Python SDK against the emulator: one long-lived `driver.py` process per test file,
// which makes each call sent to it and answers with what the SDK returned or raised. See README.md.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The Debian python that has python3-future and python3-pycryptodome; `BCEKIT_PYTHON` overrides it. */
export const PYTHON = process.env['BCEKIT_PYTHON'] ?? '/usr/bin/python3';
export const DRIVER = fileURLToPath(new URL('./driver.py', import.meta.url));

/** Whether CI is set: there a missing Python is a failure, locally a skip with a warning. */
export const IN_CI = Boolean(process.env['CI']) && !['false', '0'].includes(process.env['CI']!.toLowerCase());

/** `null` when Python and the SDK load, else why not (the same check scripts/test-all.mjs makes). */
export function pythonProblem(): string | null {
  const probe = spawnSync(PYTHON, [DRIVER, '--check'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) return `${PYTHON} could not run: ${probe.error.message}`;
  if (probe.status !== 0) return `${PYTHON} ${DRIVER} --check failed: ${probe.stderr.trim().slice(0, 300)}`;
  return null;
}

/** Keys the SDK signs with. */
export interface PyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Per-call client configuration (`BceClientConfiguration`). */
export interface PyConfig {
  /** Passed as `security_token` (PeerConnClient never sends it: a known quirk). */
  security_token?: string;
  /** Keyword arguments of `BackOffRetryPolicy`; the SDK's default policy (3 retries, 300 ms base) when absent. */
  retry?: { max_error_retry?: number; max_delay_in_millis?: number; base_interval_in_millis?: number };
}

/** What the SDK raised: `BceHttpClientError` wraps the last `BceServerError` as `cause`. */
export interface PyError {
  type: string;
  message: string;
  status_code?: number;
  code?: string;
  request_id?: string;
  cause?: PyError;
}

/** A call's outcome: the response's attributes (snake_case) and the parsed body, or the exception. */
export type PyResult =
  | { ok: true; attrs: Record<string, unknown>; body: Record<string, unknown> | null; metadata: Record<string, string> }
  | { ok: false; error: PyError };

/** A keyword value built in Python as `baidubce.<module>.<Class>(**kwargs)`, e.g. a `Billing` or `TagModel`. */
export const model = (path: string, kwargs: Record<string, unknown> = {}) => ({ $model: `baidubce.${path}`, kwargs });

/** A running driver bound to one endpoint. */
export interface PythonSdk {
  /**
   * Calls `client.method(**kwargs)` on a fresh SDK client (`peerconn`, `vpc`, `subnet`, `route`, or a class path
   * under baidubce) signed with `credentials`.
   */
  call(
    client: string,
    method: string,
    kwargs: Record<string, unknown>,
    credentials: PyCredentials,
    config?: PyConfig,
  ): Promise<PyResult>;
  close(): Promise<void>;
}

/** Starts `driver.py` for an emulator served at `endpoint` (e.g. `server.url`). */
export function startPythonSdk(endpoint: string): PythonSdk {
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, [DRIVER], { stdio: 'pipe' });
  let stderr = '';
  let buffer = '';
  const waiting: { resolve(result: PyResult): void; reject(error: Error): void }[] = [];
  const exited = new Promise<void>((resolve) => {
    child.on('close', () => resolve());
    child.on('error', (error) => {
      stderr += error.message;
      resolve();
    });
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    buffer += text;
    for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      waiting.shift()?.resolve(JSON.parse(line) as PyResult);
    }
  });
  void exited.then(() => {
    for (const pending of waiting.splice(0)) pending.reject(new Error(`python-sdk driver exited: ${stderr.trim()}`));
  });
  return {
    call(client, method, kwargs, credentials, config = {}) {
      return new Promise<PyResult>((resolve, reject) => {
        waiting.push({ resolve, reject });
        const credentialsJson = { ak: credentials.accessKeyId, sk: credentials.secretAccessKey };
        child.stdin.write(
          `${JSON.stringify({ client, method, kwargs, endpoint, credentials: credentialsJson, config })}\n`,
        );
      });
    },
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * The service's answer inside a failed call: the `BceServerError` that `BceHttpClientError` wraps once the
 * SDK gives up (`retried` is how many retries it made first). Throws when the call did not fail that way.
 */
export function serverError(result: PyResult): { status: number; code: string; message: string; retried: number } {
  if (result.ok) throw new Error(`expected a BceServerError, the call succeeded: ${JSON.stringify(result.attrs)}`);
  const { error } = result;
  if (error.type !== 'BceHttpClientError' || error.cause?.type !== 'BceServerError') {
    throw new Error(`expected BceHttpClientError(BceServerError), got ${JSON.stringify(error)}`);
  }
  const retried = Number(/Retried (\d+) times/.exec(error.message)?.[1] ?? Number.NaN);
  return { status: error.cause.status_code!, code: error.cause.code!, message: error.cause.message, retried };
}
