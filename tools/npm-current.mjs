// Says whether node_modules/ holds exactly what package-lock.json pins for this platform, so that
// `./dev` runs `npm ci` only when something is missing or different (and never needs the registry
// once the tools are installed). Exit status 0: up to date; 1: not (the reason is printed).
//
// npm records what it installed in node_modules/.package-lock.json. The lock lists every
// platform's optional packages (lightningcss ships one native package per system), and npm installs
// only this system's: a package the lock names but npm left out is expected when it is optional and
// made for another os, cpu or C library.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const read = (path) => {
  try {
    return JSON.parse(readFileSync(new URL(path, root), 'utf8')).packages ?? {};
  } catch {
    return null;
  }
};

const libc = () => {
  if (process.platform !== 'linux') return null;
  return process.report.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl';
};

/** Whether a lock entry's os/cpu/libc lists (npm's form: names, or names with "!" to exclude) admit `value`. */
const admits = (list, value) => {
  if (!Array.isArray(list) || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((v) => !v.startsWith('!'));
  return allowed.length === 0 || allowed.includes(value);
};
const forThisSystem = (entry) => admits(entry.os, process.platform) && admits(entry.cpu, process.arch)
  && (entry.libc === undefined || admits(entry.libc, libc()));

function difference() {
  const lock = read('package-lock.json');
  const installed = read('node_modules/.package-lock.json');
  if (!lock) return 'package-lock.json is missing';
  if (!installed) return 'nothing is installed yet';
  for (const [path, entry] of Object.entries(lock)) {
    if (!path) continue; // the project itself
    const have = installed[path];
    if (!have) {
      if (entry.optional && !forThisSystem(entry)) continue;
      return `${path} ${entry.version} is not installed`;
    }
    if (have.version !== entry.version) return `${path} is ${have.version}, the lock pins ${entry.version}`;
    if (!existsSync(new URL(`${path}/package.json`, root))) return `${path} was removed`;
  }
  for (const path of Object.keys(installed)) {
    if (path && !lock[path]) return `${path} is installed but not in the lock`;
  }
  return null;
}

const why = difference();
if (why) {
  console.log(why);
  process.exit(1);
}
