/**
 * `npm run notebooks`: executes the notebooks of examples/notebooks/ headlessly with Deno's Jupyter
 * kernel and stores their outputs in the .ipynb files (docs/notebooks.md).
 *
 *   npm run notebooks                      execute every notebook in place
 *   npm run notebooks -- FILE.ipynb ...    only these
 *   npm run notebooks -- --check           execute, compare with the committed outputs, restore
 *                                          the files; exit 1 when the outputs are stale
 *   npm run notebooks -- --require-tools   exit 1, not 0, when Deno or nbconvert is missing
 *
 * Needs `deno` (on PATH or in node_modules/.bin: `npm install --no-save deno`) and Jupyter's
 * nbconvert (`apt install jupyter-nbconvert`, or `pip install nbconvert`). Without them it prints
 * what is missing and how to install it, and skips. It registers Deno's kernel when Jupyter does
 * not know it, builds dist/ when it is missing or older than src/, runs every notebook through
 * nbconvert, then normalises the files (no execution timings, one output per stream) so that
 * running twice gives the same bytes.
 */
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const notebookDir = join(root, 'examples', 'notebooks');
const args = process.argv.slice(2);
const requireTools = args.includes('--require-tools');
const check = args.includes('--check');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--require-tools' && a !== '--check');
if (unknown.length > 0) {
  console.error(`notebooks: unknown option ${unknown.join(', ')} (expected --check, --require-tools)`);
  process.exit(2);
}

/** Runs a command; returns its status and output (never throws). */
function run(command, commandArgs, options = {}) {
  const r = spawnSync(command, commandArgs, { encoding: 'utf8', ...options });
  return { ok: r.status === 0, status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A command on PATH, as an absolute path. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** Deno: on PATH (npm run puts node_modules/.bin there), else the repository's node_modules/.bin. */
function findDeno() {
  const path =
    which('deno') ??
    (executable(join(root, 'node_modules', '.bin', 'deno')) ? join(root, 'node_modules', '.bin', 'deno') : undefined);
  if (path === undefined) return undefined;
  const version = run(path, ['--version']);
  return version.ok ? { path, version: version.stdout.split('\n')[0] } : undefined;
}

/** nbconvert, as `jupyter nbconvert` or the `jupyter-nbconvert` script. */
function findNbconvert() {
  for (const command of [['jupyter', 'nbconvert'], ['jupyter-nbconvert']]) {
    if (which(command[0]) === undefined) continue;
    const version = run(command[0], [...command.slice(1), '--version']);
    if (version.ok) return { command, version: version.stdout.trim() };
  }
  return undefined;
}

const deno = findDeno();
const nbconvert = findNbconvert();
if (deno === undefined || nbconvert === undefined) {
  const missing = [
    deno === undefined &&
      '  deno: npm install --no-save deno   (or see https://docs.deno.com/runtime/getting_started/installation/)',
    nbconvert === undefined &&
      '  jupyter nbconvert: apt install jupyter-nbconvert   (Debian/Ubuntu), or pip install nbconvert',
  ].filter(Boolean);
  console.log(`notebooks: missing tools, install them with:\n${missing.join('\n')}`);
  if (requireTools) {
    console.log('notebooks: failed (--require-tools)');
    process.exit(1);
  }
  console.log('notebooks: skipped (the committed notebooks keep their outputs)');
  process.exit(0);
}
console.log(`notebooks: ${deno.version} at ${deno.path}; nbconvert ${nbconvert.version}`);

/** Jupyter's data directories, where kernelspecs live (`jupyter --paths` comes with jupyter-core). */
function kernelJson() {
  const paths = run('jupyter', ['--paths', '--json']);
  const dirs = paths.ok ? JSON.parse(paths.stdout).data : [];
  for (const dir of dirs) {
    const file = join(dir, 'kernels', 'deno', 'kernel.json');
    if (existsSync(file)) return { file, spec: JSON.parse(readFileSync(file, 'utf8')) };
  }
  return undefined;
}

// The kernel: kept when it runs an existing Deno, else (re)installed for the Deno found above.
/** The kernel's program, as an absolute path (a bare name is looked up on PATH). */
const program = (spec) => {
  const first = spec?.argv?.[0] ?? '';
  return first.includes('/') || first.includes('\\') ? first : (which(first) ?? '');
};
let kernel = kernelJson();
if (kernel === undefined || !executable(program(kernel.spec))) {
  console.log(
    `notebooks: ${kernel === undefined ? 'installing' : 'repairing'} the Deno kernel (deno jupyter --install)`,
  );
  const install = run(deno.path, ['jupyter', '--install', '--force']);
  if (!install.ok) {
    console.error(`notebooks: deno jupyter --install failed\n${install.stderr}`);
    process.exit(1);
  }
  kernel = kernelJson();
}
const kernelDeno = kernel === undefined ? undefined : program(kernel.spec) || undefined;
const kernelVersion = kernelDeno === undefined ? 'unknown' : run(kernelDeno, ['--version']).stdout.split('\n')[0];
console.log(`notebooks: kernel "deno" runs ${kernelVersion} (${kernelDeno ?? kernel?.file ?? 'not found'})`);

/** The newest modification time of the files under a directory. */
function newest(dir) {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}
const distIndex = join(root, 'dist', 'index.js');
if (!existsSync(distIndex) || statSync(distIndex).mtimeMs < newest(join(root, 'src'))) {
  console.log('notebooks: dist/ is missing or older than src/, running npm run build');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(1);
}

/**
 * Deno's kernel may publish a cell's last outputs just after the cell's "idle" status (its
 * stdout, display and status messages travel on separate channels), and nbclient stops listening
 * at "idle", so an output now and then went missing. This executor keeps listening after "idle"
 * until the kernel has been quiet for a moment.
 */
const GRACE_SECONDS = 0.3;
const executor = `
import inspect, queue
from nbconvert.preprocessors import ExecutePreprocessor
from nbclient.exceptions import CellExecutionComplete

class SettledExecutePreprocessor(ExecutePreprocessor):
    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        idle = False
        while True:
            try:
                msg = self.kc.iopub_channel.get_msg(timeout=${GRACE_SECONDS} if idle else None)
                if inspect.isawaitable(msg):
                    msg = await msg
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                idle = True
`;

/** Splits text into lines that keep their "\n", as Jupyter stores multi-line strings. */
const lines = (text) => text.split(/(?<=\n)/).filter((l) => l !== '');
const joined = (text) => (Array.isArray(text) ? text.join('') : text);

/** Sorts object keys recursively (Jupyter writes notebooks with sorted keys). */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sorted(value[k])]),
  );
}

/** Removes what changes from run to run: execution timings; splits of a stream into several outputs. */
function normalise(notebook) {
  for (const cell of notebook.cells) {
    delete cell.metadata?.execution;
    if (cell.cell_type !== 'code') continue;
    const outputs = [];
    for (const output of cell.outputs) {
      const last = outputs.at(-1);
      if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
        last.text = lines(joined(last.text) + joined(output.text));
      } else outputs.push(output);
    }
    cell.outputs = outputs;
  }
  return `${JSON.stringify(sorted(notebook), null, 1)}\n`;
}

const notebooks = args.some((a) => !a.startsWith('--'))
  ? args.filter((a) => !a.startsWith('--')).map((a) => join(process.cwd(), a))
  : readdirSync(notebookDir)
      .filter((f) => f.endsWith('.ipynb'))
      .sort()
      .map((f) => join(notebookDir, f));

const helper = mkdtempSync(join(tmpdir(), 'notebooks-'));
writeFileSync(join(helper, 'settled_execute.py'), executor);
const env = { ...process.env, PYTHONPATH: [helper, process.env.PYTHONPATH].filter(Boolean).join(delimiter) };
const started = performance.now();
const stale = [];
let failed = false;
try {
  for (const file of notebooks) {
    const name = relative(root, file);
    const before = readFileSync(file, 'utf8');
    const t0 = performance.now();
    const r = run(
      nbconvert.command[0],
      [
        ...nbconvert.command.slice(1),
        '--to',
        'notebook',
        '--inplace',
        '--Exporter.preprocessors=settled_execute.SettledExecutePreprocessor',
        '--ExecutePreprocessor.kernel_name=deno',
        '--ExecutePreprocessor.timeout=120',
        '--ExecutePreprocessor.record_timing=False',
        file,
      ],
      { env, cwd: root },
    );
    if (!r.ok) {
      console.error(`notebooks: ${name} failed\n${r.stderr}${r.error ? String(r.error) : ''}`);
      failed = true;
      continue;
    }
    const after = normalise(JSON.parse(readFileSync(file, 'utf8')));
    const errors = JSON.parse(after)
      .cells.flatMap((c) => c.outputs ?? [])
      .filter((o) => o.output_type === 'error');
    if (errors.length > 0) failed = true;
    if (check) {
      // Language metadata names the kernel's TypeScript version: another Deno may differ there only.
      const comparable = (text) =>
        JSON.stringify({ ...JSON.parse(text), metadata: { ...JSON.parse(text).metadata, language_info: undefined } });
      if (comparable(after) !== comparable(before)) stale.push(name);
      writeFileSync(file, before);
    } else writeFileSync(file, after);
    console.log(
      `notebooks: ${name} executed in ${((performance.now() - t0) / 1000).toFixed(1)} s${errors.length > 0 ? `, with ${errors.length} error output(s)` : ''}${check ? (stale.includes(name) ? ', outputs differ from the committed ones' : ', outputs up to date') : ''}`,
    );
  }
} finally {
  rmSync(helper, { recursive: true, force: true });
}
if (stale.length > 0)
  console.log(`notebooks: stale outputs in ${stale.join(', ')}: run npm run notebooks and commit the notebooks`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `notebooks: ${failed || stale.length > 0 ? 'failed' : check ? 'checked' : 'done'}, ${notebooks.length} notebook(s) in ${seconds} s`,
);
process.exit(failed || stale.length > 0 ? 1 : 0);
