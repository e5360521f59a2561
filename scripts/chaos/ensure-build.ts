// The web processes run the production build (NODE_ENV=production): build it when .next has none or the
// sources are newer than it (route handlers bundle lib/, so a change there needs a new build too).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'lib', 'scripts/antd-css.tsx', 'next.config.js', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

// never bundled by Next: tests and the test tools (this suite among them)
const isIgnored = (entry: string) => entry === path.join('lib', 'testing') || /\.test\.tsx?$/.test(entry);

function newestMtime(entry: string): number {
  if (!existsSync(entry) || isIgnored(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function ensureProductionBuild(log: (line: string) => void): void {
  const buildId = '.next/BUILD_ID';
  if (existsSync(buildId) && Math.max(...SOURCES.map(newestMtime)) <= statSync(buildId).mtimeMs) return;
  log('building for production (.next is missing or older than the sources)…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
}
