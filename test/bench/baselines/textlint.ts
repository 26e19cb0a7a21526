/**
 * Baseline: textlint with textlint-rule-prh, installed on demand into `.bench/textlint/` (git-ignored)
 * so the project never depends on it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineTerm } from '../dataset.js';
import { runNode, type ChildRun } from '../measure.js';

/** Where textlint lives for the bench, relative to the repository root. */
export const TEXTLINT_DIR = join('.bench', 'textlint');

/** Installs textlint@15 and textlint-rule-prh@6 into `.bench/textlint/` when missing; returns a reason when it cannot. */
export function ensureTextlint(repoRoot: string, log: (m: string) => void): string | undefined {
  const dir = join(repoRoot, TEXTLINT_DIR);
  const has = (pkg: string): boolean => existsSync(join(dir, 'node_modules', pkg, 'package.json'));
  if (has('textlint') && has('textlint-rule-prh')) return undefined;
  log('installing textlint@15 and textlint-rule-prh@6 into .bench/textlint/ (once)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', dir, 'textlint@15', 'textlint-rule-prh@6', '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8' });
  if (r.status !== 0 || !has('textlint') || !has('textlint-rule-prh')) return `npm install of textlint failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`;
  return undefined;
}

/** Runs textlint with the prh rule file over `files` and returns the timing and the counted messages. */
export async function runTextlint(repoRoot: string, prhFile: string, files: string[], terms: Map<string, string>): Promise<{ run: ChildRun; counts: { synthetic: number; shipped: number } | string }> {
  const dir = join(repoRoot, TEXTLINT_DIR);
  const rc = `${prhFile}.textlintrc.json`;
  writeFileSync(rc, JSON.stringify({ rules: { prh: { rulePaths: [prhFile] } } }));
  const bin = join(dir, 'node_modules', 'textlint', 'bin', 'textlint.js');
  const run = await runNode([bin, '--config', rc, '--rules-base-directory', join(dir, 'node_modules'), '--format', 'json', ...files], { cwd: dir });
  let counts: { synthetic: number; shipped: number } | string;
  try {
    const results = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
    counts = { synthetic: 0, shipped: 0 };
    for (const r of results) {
      for (const m of r.messages) {
        if (m.ruleId !== 'prh') continue;
        const matched = m.message.split(' => ')[0]!.toLowerCase();
        if (terms.get(matched) === 'synthetic') counts.synthetic++;
        else counts.shipped++;
      }
    }
  } catch {
    counts = `textlint failed (exit ${run.code}): ${run.stderr.trim().split('\n')[0] ?? ''}`;
  }
  return { run, counts };
}

/** Maps each term's lower-cased text to its origin, for counting matches by origin. */
export function termOrigins(terms: BaselineTerm[]): Map<string, string> {
  return new Map(terms.map((t) => [t.text.toLowerCase(), t.origin]));
}
