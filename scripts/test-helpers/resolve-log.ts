/**
 * Node flags that make a child process append every URL its ESM loader resolves to `log`, one per line: how tests
 * of the built packages see which files an import loads. The resolve hook runs in Node's loader thread, so a file
 * is the simplest channel back.
 */
export function logResolvedUrls(log: string): string[] {
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`;
  const register = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
}
