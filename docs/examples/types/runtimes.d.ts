// Minimal stand-ins for the runtime types the guides' samples use, so they type-check here without
// @cloudflare/workers-types or Deno's own lib. The names and shapes match those libraries for what the samples
// touch; in a real project install the real ones (`@cloudflare/workers-types`, or run `deno check`).

/** Cloudflare Workers: the context passed to a handler. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
}

/** Cloudflare Workers: a module Worker's default export. */
interface ExportedHandler<Env = unknown> {
  fetch?(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response>;
}

/** Deno (and Deno Deploy): the parts of the `Deno` namespace the samples use. */
declare namespace Deno {
  const env: { get(name: string): string | undefined };
  function serve(handler: (request: Request) => Response | Promise<Response>): unknown;
}
