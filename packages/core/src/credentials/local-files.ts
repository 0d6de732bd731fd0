import { BceError } from '../errors/bce-error.ts';

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  statSync(path: string): { mode: number; isFile(): boolean };
}

interface DenoLike {
  env: { get(name: string): string | undefined };
  permissions?: { querySync?(descriptor: { name: 'env'; variable: string }): { state: string } };
}

interface ProcessLike {
  getBuiltinModule?: (id: string) => unknown;
  platform?: string;
  env?: Record<string, string | undefined>;
}

/**
 * A file read for credentials: the runtime's `node:fs` through `process.getBuiltinModule` (Node >= 20.16, Deno 2,
 * Bun), never an `import`, so that bundles for browsers and Workers neither carry nor ask for `node:fs`.
 *
 * @internal
 */
export interface LocalFiles {
  /** The user's home folder, or `undefined` when the runtime will not say (Deno without `--allow-env=HOME`). */
  home: string | undefined;
  /** Whether a file is there (a folder or nothing is not; a file this process may not see counts as there). */
  exists(path: string): boolean;
  /**
   * Reads a file holding secrets.
   *
   * @throws {BceError} naming the path and the fix when the file is readable by others or cannot be read.
   */
  readPrivate(path: string): string;
}

/** The local file system, where the runtime has one; `undefined` in browsers and Workers. @internal */
export function localFiles(): LocalFiles | undefined {
  const proc = (globalThis as { process?: ProcessLike }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  if (!fs?.readFileSync) return undefined;
  const windows = proc!.platform === 'win32';
  return {
    home: readEnv(windows ? 'USERPROFILE' : 'HOME'),
    exists: (path) => {
      try {
        return fs.statSync(path).isFile();
      } catch (cause) {
        // Only a missing file is missing: a denied read is reported by readPrivate, with its fix.
        const code = (cause as { code?: unknown } | undefined)?.code;
        return !(code === 'ENOENT' || code === 'ENOTDIR');
      }
    },
    readPrivate: (path) => {
      let mode: number;
      try {
        mode = fs.statSync(path).mode;
      } catch (cause) {
        throw new BceError(`fromBceCli: ${path} cannot be read (${describeFsError(cause)}); ${fixFor(cause, path)}`);
      }
      // Windows has no POSIX modes (Node reports 0o666 for any file); its ACLs are not checked here.
      if (!windows && (mode & 0o077) !== 0) {
        const octal = (mode & 0o777).toString(8).padStart(3, '0');
        throw new BceError(
          `fromBceCli: ${path} is readable or writable by others (mode ${octal}); run \`chmod 600 ${path}\`, as Baidu's CLI writes it`,
        );
      }
      try {
        return fs.readFileSync(path, 'utf8');
      } catch (cause) {
        throw new BceError(`fromBceCli: ${path} cannot be read (${describeFsError(cause)}); ${fixFor(cause, path)}`);
      }
    },
  };
}

/**
 * An environment variable, or `undefined` when unset or not readable: Deno is asked first, so that a variable
 * it has not been allowed gives no prompt and no error.
 *
 * @internal
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as { process?: ProcessLike; Deno?: DenoLike };
  try {
    const deno = g.Deno;
    if (deno) {
      const state = deno.permissions?.querySync?.({ name: 'env', variable: name }).state;
      return state === 'granted' ? deno.env.get(name) || undefined : undefined;
    }
    return g.process?.env?.[name] || undefined;
  } catch {
    return undefined;
  }
}

// Only the error code or class: a runtime's message could quote more than the path.
function describeFsError(cause: unknown): string {
  const { code, name } = (cause ?? {}) as { code?: unknown; name?: unknown };
  return typeof code === 'string' ? code : typeof name === 'string' ? name : 'unknown error';
}

function fixFor(cause: unknown, path: string): string {
  const { code, name } = (cause ?? {}) as { code?: unknown; name?: unknown };
  if (name === 'NotCapable' || name === 'PermissionDenied')
    return `run Deno with --allow-read=${path}, or pass credentials`;
  if (code === 'EACCES' || code === 'EPERM') return `make it readable by this user (chmod 600 ${path})`;
  return 'check the path, or pass credentials';
}
