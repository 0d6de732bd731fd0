// The one declaration of `bun:test` the Bun runner needs, so the root `tsc` checks it without Bun's types.
declare module 'bun:test' {
  export function test(name: string, fn: () => Promise<void>, timeout?: number): void;
}
