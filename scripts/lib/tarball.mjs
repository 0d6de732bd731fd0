// Reads the .tgz files `pnpm pack` writes (ustar, gzip) without a `tar` on the PATH.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The regular files of a .tgz, by path inside it (`package/dist/...`). */
export function readTarball(path) {
  const data = gunzipSync(readFileSync(path));
  const files = new Map();
  let longName;
  for (let offset = 0; offset + 512 <= data.length; ) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start, length) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = Number.parseInt(text(124, 12).trim() || '0', 8);
    const type = text(156, 1) || '0';
    const prefix = text(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${text(0, 100)}` : text(0, 100));
    longName = undefined;
    const body = data.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '7') files.set(name, Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** Writes a .tgz's files under `dest`, dropping the leading `package/` as npm does. */
export function extractTarball(path, dest) {
  for (const [name, body] of readTarball(path)) {
    const relative = normalize(name.replace(/^package\//, ''));
    if (relative.startsWith('..') || relative.startsWith('/')) throw new Error(`${path}: unsafe path ${name}`);
    const target = join(dest, relative);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
}
