/** A running node:http server of an emulator. */
export interface EmulatorServer {
  /** Base URL to pass as `endpoint`, e.g. `http://127.0.0.1:53111`. */
  url: string;
  port: number;
  /** Stops accepting connections, closes open ones and resolves when the server is closed. */
  close(): Promise<void>;
}

/** Options of `emulator.listen()`. */
export interface ListenOptions {
  /** TCP port; `0` picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  hostname?: string;
}

// The few node:http shapes used here, so the emulator's types never depend on @types/node.
interface IncomingLike extends AsyncIterable<Uint8Array> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  socket: { destroy(): void };
}
interface ResponseLike {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body?: Uint8Array): void;
}
interface ServerLike {
  listen(port: number, hostname: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): void;
  closeAllConnections?(): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface HttpLike {
  createServer(handler: (req: IncomingLike, res: ResponseLike) => void): ServerLike;
}

// Held in a variable so bundlers for browsers and Workers leave the import alone; only listen() loads it.
const NODE_HTTP = 'node:http';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'expect', 'proxy-connection']);

async function toRequest(req: IncomingLike, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(chunk);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? new Blob(chunks as BlobPart[]) : null;
  const host = req.headers.host ?? new URL(base).host;
  return new Request(new URL(req.url ?? '/', `http://${host}`), { method, headers, body });
}

/**
 * Serves `handle` over node:http (Node, Bun, Deno). A `drop` fault destroys the socket.
 * @internal
 */
export async function listen(
  handle: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<EmulatorServer> {
  const http = (await import(/* @vite-ignore */ NODE_HTTP)) as HttpLike;
  const hostname = options.hostname ?? '127.0.0.1';
  let base = `http://${hostname}`;
  const server = http.createServer((req, res) => {
    toRequest(req, base)
      .then(handle)
      .then(async (response) => {
        if (response.type === 'error') return req.socket.destroy();
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const body = new Uint8Array(await response.arrayBuffer());
        res.writeHead(response.status, headers);
        res.end(body);
      })
      .catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.on('error', reject);
    server.listen(options.port ?? 0, hostname, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  base = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    url: base,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections?.();
      }),
  };
}
