import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError } from '../../sdk/index.js';

/**
 * Every file under `root` (or `root` itself when it is a file), lazily, in
 * name order within each folder. Hidden files and folders and node_modules are skipped.
 */
export async function* walkFiles(root: string): AsyncGenerator<string> {
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
  const dir = await opendir(root);
  const names: Array<{ name: string; isDir: boolean; isFile: boolean }> = [];
  for await (const d of dir) names.push({ name: d.name, isDir: d.isDirectory(), isFile: d.isFile() });
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of names) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(root, e.name);
    if (e.isDir) yield* walkFiles(path);
    else if (e.isFile) yield path;
  }
}
