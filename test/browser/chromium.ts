/**
 * Which Chromium the browser tests drive. Debian's `/usr/bin/chromium` when it is there (what CI
 * installs); otherwise the Chromium that `npm install` brought with @sparticuz/chromium, which
 * ships the browser inside the package (brotli-compressed) with the NSS libraries it needs
 * (`al2023.tar.br`), so `npm test` runs on a machine with Node and npm and nothing else, no root.
 * `LRSIM_IGNORE_SYSTEM_CHROMIUM=1` skips Debian's browser, which is how a test proves the
 * packaged one works on a machine that has the other.
 *
 * The package is unpacked once into node_modules/.cache/ (a directory per version, made under a
 * temporary name and renamed into place, so test files starting together never see half of it).
 */
import { accessSync, constants, createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');

export interface ChromiumChoice {
  executablePath: string;
  /** Environment for the browser process (the packaged one finds its NSS libraries and fonts here). */
  env?: Record<string, string>;
  source: 'system' | 'npm';
}

export function ignoreSystemChromium(): boolean {
  return process.env.LRSIM_IGNORE_SYSTEM_CHROMIUM === '1';
}

export async function chooseChromium(): Promise<ChromiumChoice> {
  if (!ignoreSystemChromium() && executable(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  const dir = await unpackedChromium();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.LD_LIBRARY_PATH = [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  env.FONTCONFIG_PATH = join(dir, 'fonts');
  return { executablePath: join(dir, 'chromium'), env, source: 'npm' };
}

function executable(path: string): boolean {
  try { accessSync(path, constants.X_OK); return statSync(path).isFile(); } catch { return false; }
}

/** Arguments for either browser: headless, no sandbox (tests run as any user, often root in CI). */
export function chromiumArgs(choice: ChromiumChoice): string[] {
  const common = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
  return choice.source === 'npm' ? [...common, '--no-zygote', '--use-gl=angle', '--use-angle=swiftshader'] : common;
}

function packageBin(): { bin: string; version: string } {
  const require = createRequire(join(ROOT, 'package.json'));
  // The package's exports hide package.json: find it from the entry point (build/cjs/index.cjs).
  const pkgJson = join(dirname(require.resolve('@sparticuz/chromium')), '..', '..', 'package.json');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  return { bin: join(dirname(pkgJson), 'bin'), version };
}

async function unpackedChromium(): Promise<string> {
  const { bin, version } = packageBin();
  const dir = join(ROOT, 'node_modules', '.cache', `lrsim-chromium-${version}`);
  if (existsSync(join(dir, 'chromium'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
  for (const part of ['al2023', 'fonts', 'swiftshader']) {
    const to = part === 'swiftshader' ? tmp : join(tmp, part);
    mkdirSync(to, { recursive: true });
    await pipeline(createReadStream(join(bin, `${part}.tar.br`)), createBrotliDecompress(), extract(to));
  }
  writeFileSync(join(tmp, 'fonts', 'fonts.conf'), fontsConf(dir));
  try {
    renameSync(tmp, dir);
  } catch (e) {
    // Another test file unpacked it first: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw e;
  }
  return dir;
}

/** The package's fonts.conf names Lambda's directories; ours names its own fonts and the system's (CJK if any). */
function fontsConf(dir: string): string {
  const dirs = [join(dir, 'fonts', 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts'];
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>\n`).join('')}  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`;
}
