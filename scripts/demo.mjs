// npm run demo: everything on a fresh Debian machine with Node 20 — dependencies, Postgres and Redis,
// migrations, demo data, a production build, then web and workers. Ctrl-C stops every child it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies, ensureServices } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
// warnings and errors only: the operator watches the simulator's lines, not every request
// The simulator files online complaints from 127.0.0.1 like a citizen would; the demo's per-address limit leaves
// room for it and for someone trying the public form on the same machine.
const env = { LOG_LEVEL: 'warn', PUBLIC_COMPLAINT_LIMIT_PER_IP: '200', ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT ?? '3000';

function step(zh, en) {
  console.log(`\n▶ ${zh} / ${en}`);
}

function runOrExit(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`✗ ${[command, ...args].join(' ')} 失败 / failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale() {
  const buildId = '.next/BUILD_ID';
  if (!existsSync(buildId)) return true;
  const sources = ['app', 'lib', 'scripts/antd-css.tsx', 'next.config.js', 'package-lock.json', 'tsconfig.json'];
  return Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs;
}

step('检查依赖', 'checking dependencies');
ensureDependencies(root);
step('检查 PostgreSQL 与 Redis', 'checking PostgreSQL and Redis');
await ensureServices(env);
step('迁移数据库', 'migrating the database');
runOrExit('node', ['--import', 'tsx', 'lib/db/migrate-cli.ts']);
step('载入演示数据（已存在则跳过）', 'seeding demo data (skipped when present)');
runOrExit('node', ['--import', 'tsx', 'seeds/cli.ts']);
if (buildIsStale()) {
  step('构建生产版本', 'building for production');
  runOrExit('npm', ['run', 'build'], { NODE_ENV: 'production' });
}

step('启动 Web 与后台任务', 'starting web and workers');
const production = { ...env, NODE_ENV: 'production' };
const children = [
  spawn('node', ['--import', 'tsx', 'server.ts'], { stdio: 'inherit', env: production }),
  spawn('node', ['--import', 'tsx', 'workers/index.ts'], { stdio: 'inherit', env: production }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 6000).unref();
  Promise.all(children.map((child) => new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r))))).then(
    () => process.exit(code),
  );
}
for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`✗ 子进程退出 / a child process exited (${code}); stopping`);
      stopAll(code ?? 1);
    }
  });
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const health = `http://127.0.0.1:${port}/api/health`;
for (let i = 0; i < 120 && !stopping; i += 1) {
  const ok = await fetch(health).then((r) => r.ok, () => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
if (!stopping) {
  runOrExit('node', ['--import', 'tsx', 'scripts/demo-keys.ts']);
  if (env.DEMO_SIMULATOR !== 'off') {
    children.push(spawn('node', ['--import', 'tsx', 'scripts/simulate.ts'], { stdio: 'inherit', env: production }));
  }
  console.log(`
政务公开在线监督预警平台已启动 / Disclosure Watch is running:  http://127.0.0.1:${port}/login

演示账号（密码均为 demo-password）/ demo logins (password demo-password):
  admin         管理员（全省）
  supervisor    政务公开办（全省）
  leader        分管领导（全省）
  handler       投诉处理人员（全省）
  sup-320105    建邺区政务公开办（另有 sup-320211 滨湖区、sup-320381 新沂市、sup-320402 天宁区、
                sup-320571 苏州工业园区、sup-320682 如皋市、sup-321322 沭阳县）
  dept          建邺区部门联络员

模拟器正在以试点部门身份报送信息（DEMO_SIMULATOR=off 可关闭）/ the simulator is publishing as pilot departments.
按 Ctrl-C 停止 / press Ctrl-C to stop.`);
}
