// Builds the web app (web/ → web/dist) when asked, or only when needed:
//   --if-missing            build only when web/dist has no index.html (npm start)
//   --if-missing-or-stale   also when web's sources changed since the last build (postinstall)
// A build ends with .gz and .br copies of every text asset, which the server sends as they are.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.sources-sha256');
const mode = process.argv[2] ?? '';

/** One hash over every file the build reads. */
function sourcesHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path.slice(web.length)).update(readFileSync(path));
    }
  };
  walk(join(web, 'src'));
  for (const f of ['index.html', 'vite.config.ts', 'package.json', 'public'].map((f) =>
    join(web, f),
  )) {
    if (!existsSync(f)) continue;
    if (statSync(f).isDirectory()) walk(f);
    else hash.update(f.slice(web.length)).update(readFileSync(f));
  }
  return hash.digest('hex');
}

const built = existsSync(join(dist, 'index.html'));
const hash = sourcesHash();
if (mode === '--if-missing' && built) process.exit(0);
if (mode === '--if-missing-or-stale' && built && existsSync(stampFile)) {
  if (readFileSync(stampFile, 'utf8').trim() === hash) process.exit(0);
}
try {
  createRequire(join(web, 'package.json')).resolve('vite/package.json');
} catch {
  // An install without dev dependencies cannot build; say so rather than fail the install.
  console.error(
    'Redress: vite is not installed, so the web app was not built (npm install builds it)',
  );
  process.exit(mode ? 0 : 1);
}
console.log(
  built
    ? 'Redress: web app sources changed, rebuilding web/dist…'
    : 'Redress: building the web app into web/dist…',
);
const run = spawnSync('npm', ['run', 'build', '--workspace', 'web', '--silent'], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) process.exit(run.status ?? 1);
writeFileSync(stampFile, `${hash}\n`);
console.log('Redress: web app built');
