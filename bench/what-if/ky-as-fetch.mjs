// What-if (not shipped): the subset of ky that core's transport uses, as a direct fetch call. Section 3 bundles
// core with `ky` aliased to this file to show what dropping ky would save per call; see BENCHMARKS.md.
export default function ky(url, { method, headers, body, signal, redirect, fetch: fetchImpl = globalThis.fetch }) {
  return fetchImpl(url, { method, headers, body, signal, redirect });
}
