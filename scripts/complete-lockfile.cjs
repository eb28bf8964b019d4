/**
 * `npm run lockfile:complete`: makes sure package-lock.json lists every platform's optional rollup
 * binary (rollup is a dev dependency through vitest). npm writes only the binaries its registry
 * could resolve; when a registry mirror lacks some platforms, the lockfile comes out incomplete and
 * `npm ci` refuses it on every machine. The entries added carry the platform fields from the package
 * name, so npm skips them on other platforms without fetching anything. Run it after `npm install`
 * changes the lockfile.
 */
const fs = require('fs');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const rollup = lock.packages['node_modules/rollup'];
let added = 0;
for (const [name, version] of Object.entries(rollup.optionalDependencies)) {
  const key = 'node_modules/' + name;
  if (lock.packages[key]) continue;
  const m = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/.exec(name);
  if (!m) {
    console.error('skip', name);
    continue;
  }
  const [, os, cpu, abi] = m;
  const entry = { version, cpu: [cpu], dev: true, license: 'MIT', optional: true, os: [os] };
  if (os === 'linux' && abi) entry.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  lock.packages[key] = entry;
  added++;
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
