// Each conformance project gets its own emulator + control server on 127.0.0.1 (and the bundles it may load).
import type { TestProject } from 'vitest/node';
import { buildConformance } from '../build.mjs';
import { startConformanceServer } from '../server/control-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the emulator and its control route. */
    conformanceUrl: string;
    /** Runner name shown in messages (`node`, `edge`, `browser`, `workerd`). */
    conformanceRuntime: string;
    /** The HMAC back end sign() must pick in this runtime. */
    conformanceSignBackend: 'native' | 'webcrypto';
    /** What sign() falls back to without native crypto and crypto.subtle, in the build this runtime loads. */
    conformanceSignFallback: 'noble' | 'none';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildConformance();
  const server = await startConformanceServer();
  project.provide('conformanceUrl', server.url);
  return () => server.close();
}
