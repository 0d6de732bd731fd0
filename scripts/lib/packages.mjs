// The workspace's packages, found on disk (every packages/<dir>/package.json), so that a new package is built,
// packed and checked without editing a list anywhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Every package under packages/, dependencies first (a package comes after each `@bcekit/*` package it depends on).
 * @returns {{ dir: string, folder: string, name: string, pkg: Record<string, any> }[]}
 */
export function listPackages() {
  const all = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, 'packages', entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(ROOT, 'packages', entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { dir, folder: entry.name, name: pkg.name, pkg };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
  const byName = new Map(all.map((p) => [p.name, p]));
  const ordered = [];
  const visit = (p, path = []) => {
    if (ordered.includes(p)) return;
    if (path.includes(p))
      throw new Error(`packages depend on each other in a cycle: ${[...path, p].map((x) => x.name)}`);
    const deps = { ...p.pkg.dependencies, ...p.pkg.peerDependencies, ...p.pkg.devDependencies };
    for (const dep of Object.keys(deps)) if (byName.has(dep) && dep !== p.name) visit(byName.get(dep), [...path, p]);
    ordered.push(p);
  };
  for (const p of all) visit(p);
  return ordered;
}
