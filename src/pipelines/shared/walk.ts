import { opendir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { NotFoundError } from '../../sdk/index.js';

/** Globs over paths relative to the walked folder (`/`-separated); a pattern without `/` matches the file name at any depth. */
export interface WalkFilter {
  include?: string[];
  exclude?: string[];
}

/** A predicate over relative paths: included by some `include` pattern (or there are none) and by no `exclude` pattern. */
export function pathMatcher(filter: WalkFilter = {}): (relPath: string) => boolean {
  const inc = filter.include?.length ? anyOf(filter.include) : () => true;
  const exc = filter.exclude?.length ? anyOf(filter.exclude) : () => false;
  return (p) => inc(p) && !exc(p);
}

/** Patterns with a `/` match the whole relative path, the others the file name (picomatch's `basename` option applies to all or none). */
function anyOf(patterns: string[]): (relPath: string) => boolean {
  const paths = patterns.filter((p) => p.includes('/'));
  const names = patterns.filter((p) => !p.includes('/'));
  const byPath = paths.length ? picomatch(paths, { dot: false }) : () => false;
  const byName = names.length ? picomatch(names, { dot: false }) : () => false;
  return (p) => byPath(p) || byName(p.slice(p.lastIndexOf('/') + 1));
}

/**
 * Splits a command-line path that may be a glob (`resumes/2024/**\/*.pdf`) into
 * the folder to walk and the pattern to match under it. A plain path comes back unchanged.
 */
export function splitGlob(arg: string): { root: string; pattern?: string } {
  const scan = picomatch.scan(arg);
  if (!scan.isGlob) return { root: arg };
  return { root: scan.base || '.', pattern: scan.glob };
}

/**
 * Every file under `root` (or `root` itself when it is a file), lazily, in
 * name order within each folder. Hidden files and folders and node_modules
 * are skipped; `filter` globs apply to paths relative to `root`.
 */
export async function* walkFiles(root: string, filter?: WalkFilter): AsyncGenerator<string> {
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new NotFoundError(`No such file or folder: ${root}`, { code: 'E_PATH_NOT_FOUND', file: root, hint: 'Check the path.' });
  }
  if (st.isFile()) {
    yield root;
    return;
  }
  const matches = filter && (filter.include?.length || filter.exclude?.length) ? pathMatcher(filter) : undefined;
  for await (const path of walkDir(root)) {
    if (!matches || matches(relative(root, path).split(sep).join('/'))) yield path;
  }
}

async function* walkDir(dir: string): AsyncGenerator<string> {
  const entries: Array<{ name: string; isDir: boolean; isFile: boolean }> = [];
  for await (const d of await opendir(dir)) entries.push({ name: d.name, isDir: d.isDirectory(), isFile: d.isFile() });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDir) yield* walkDir(path);
    else if (e.isFile) yield path;
  }
}
