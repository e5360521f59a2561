// Finds Postgres and Redis for `npm run demo` and `npm test`; where one does not answer and this is a Debian
// machine where we are root, installs it from Debian's packages and starts it, saying so. Plain JavaScript:
// it runs before dependencies are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';

const say = (zh, en) => console.log(`[services] ${zh} / ${en}`);

export function endpointOf(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

export function answers({ host, port }, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1'].includes(host);
const canInstall = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
const has = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;

function run(command, args) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

let aptUpdated = false;
export function aptInstall(packages) {
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', ...packages]);
}

function fail(zh, en) {
  console.error(`${zh}\n${en}`);
  process.exit(1);
}

async function waitFor(endpoint, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await answers(endpoint, 500)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function ensurePostgres(url) {
  const endpoint = endpointOf(url, 5432);
  if (await answers(endpoint)) return;
  if (!isLocal(endpoint.host) || !canInstall()) {
    fail(
      `无法连接 PostgreSQL（${endpoint.host}:${endpoint.port}），请安装并启动 PostgreSQL 15 或更高版本，或设置 DATABASE_URL。`,
      `PostgreSQL does not answer at ${endpoint.host}:${endpoint.port}: install and start PostgreSQL 15+ (Debian: apt-get install postgresql) or set DATABASE_URL.`,
    );
  }
  if (!existsSync('/etc/postgresql') || readdirSync('/etc/postgresql').length === 0) {
    say('未找到 PostgreSQL，正在从 Debian 软件源安装', 'PostgreSQL not found, installing it from Debian packages');
    aptInstall(['postgresql']);
  }
  const version = readdirSync('/etc/postgresql').sort().at(-1);
  trustLoopback(`/etc/postgresql/${version}/main/pg_hba.conf`);
  say(`正在启动 PostgreSQL ${version}`, `starting PostgreSQL ${version}`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  if (!(await waitFor(endpoint, 20))) fail('PostgreSQL 启动失败。', 'PostgreSQL did not start.');
}

// A cluster we installed ourselves is local and throwaway: let loopback connect without passwords, as the
// default URLs expect. An existing cluster's rules are left alone.
function trustLoopback(hbaPath) {
  if (!existsSync(hbaPath)) return;
  const text = readFileSync(hbaPath, 'utf8');
  if (text.includes('# disclosure-watch: trust loopback')) return;
  writeFileSync(
    hbaPath,
    `# disclosure-watch: trust loopback\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${text}`,
  );
}

async function ensureRedis(url) {
  const endpoint = endpointOf(url, 6379);
  if (await answers(endpoint)) return;
  if (!isLocal(endpoint.host) || (!canInstall() && !has('redis-server'))) {
    fail(
      `无法连接 Redis（${endpoint.host}:${endpoint.port}），请安装并启动 Redis 7，或设置 REDIS_URL。`,
      `Redis does not answer at ${endpoint.host}:${endpoint.port}: install and start Redis 7 (Debian: apt-get install redis-server) or set REDIS_URL.`,
    );
  }
  if (!has('redis-server')) {
    say('未找到 Redis，正在从 Debian 软件源安装', 'Redis not found, installing it from Debian packages');
    aptInstall(['redis-server']);
  }
  say('正在启动 Redis', 'starting Redis');
  run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(endpoint.port), '--save', '', '--appendonly', 'no']);
  if (!(await waitFor(endpoint, 10))) fail('Redis 启动失败。', 'Redis did not start.');
}

export async function ensureServices(env = process.env) {
  await ensurePostgres(env.DATABASE_ADMIN_URL ?? env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/');
  await ensureRedis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
}

export function ensureDependencies(root) {
  if (existsSync(`${root}/node_modules/.package-lock.json`)) return;
  say('正在安装依赖（npm ci）', 'installing dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (canInstall()) {
    say('未找到 Chromium，正在安装 chromium 与 fonts-noto-cjk', 'Chromium not found, installing chromium and fonts-noto-cjk');
    aptInstall(['chromium', 'fonts-noto-cjk']);
    return;
  }
  fail(
    '缺少 Chromium：请安装 Debian 软件包 chromium 与 fonts-noto-cjk（apt-get install chromium fonts-noto-cjk）。',
    'Chromium is missing: install the Debian packages chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk).',
  );
}

export function npmBin(root, name) {
  return `${root}/node_modules/.bin/${name}`;
}
