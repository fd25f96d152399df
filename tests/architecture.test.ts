// The lint's rules can fail: dependency-cruiser with the project's own config, run over a small
// tree with one planted breach per rule, names each breach; the same tree without them is clean.
// And the layout check flags a file five folders deep and one of 301 lines.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutBreaches } from '../scripts/check-layout.ts';

const ROOT = resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cruise(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cl-arch-'));
  dirs.push(dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowJs: true } }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const bin = join(ROOT, 'node_modules/.bin/depcruise');
  const config = join(ROOT, '.dependency-cruiser.cjs');
  let out: string;
  try {
    out = execFileSync(bin, ['server', 'shared', '--config', config, '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
  } catch (err) {
    out = (err as { stdout: string }).stdout; // exits non-zero when it finds violations
  }
  const result = JSON.parse(out) as {
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const clean: Record<string, string> = {
  'server/lib/hook.ts': 'export const hook = 1;\n',
  'shared/api/x.ts': 'export const schema = 1;\n',
  'server/modules/orgs/index.ts': "export { org } from './orgs.service.ts';\n",
  'server/modules/orgs/orgs.service.ts':
    "import { row } from './orgs.repo.ts';\nexport const org = row;\n",
  'server/modules/orgs/orgs.repo.ts':
    "import { hook } from '../../lib/hook.ts';\nexport const row = hook;\n",
  'server/modules/messaging/index.ts': "export { send } from './messaging.service.ts';\n",
  'server/modules/messaging/messaging.service.ts':
    "import { org } from '../orgs/index.ts';\nexport const send = org;\n",
  'server/modules/feedback/index.ts': "export { record } from './feedback.service.ts';\n",
  'server/modules/feedback/feedback.service.ts':
    "import { send } from '../messaging/index.ts';\nexport const record = send;\n",
  'server/modules/metrics/index.ts':
    "import { record } from '../feedback/index.ts';\nexport const nps = record;\n",
};

describe('npm run lint: the module rules', () => {
  it('passes a tree that keeps the rules', () => {
    expect(cruise(clean)).toEqual([]);
  });

  it('names a cycle, a deep import, a repo export, an upward import and an unplaced module', () => {
    const planted = cruise({
      ...clean,
      // cycle: messaging's service imports feedback, which imports messaging
      'server/modules/messaging/messaging.service.ts':
        "import { org } from '../orgs/index.ts';\nimport { record } from '../feedback/index.ts';\nexport const send = [org, record];\n",
      // deep import: another module's repo
      'server/modules/metrics/metrics.service.ts':
        "import { row } from '../orgs/orgs.repo.ts';\nexport const m = row;\n",
      // a repo exported through index.ts
      'server/modules/orgs/index.ts':
        "export { org } from './orgs.service.ts';\nexport { row } from './orgs.repo.ts';\n",
      // core importing the loop, platform importing a module
      'server/modules/orgs/orgs.routes.ts':
        "import { record } from '../feedback/index.ts';\nexport const r = record;\n",
      'server/lib/bad.ts':
        "import { org } from '../modules/orgs/index.ts';\nexport const b = org;\n",
      // a module folder no layer names
      'server/modules/mystery/index.ts':
        "import { org } from '../orgs/index.ts';\nexport const q = org;\n",
    });
    const rules = new Set(planted.map((v) => v.split(':')[0]));
    expect([...rules].sort()).toEqual([
      'core-stays-below-loop',
      'index-exports-no-repo',
      'module-in-a-layer',
      'no-circular',
      'only-through-index',
      'platform-stays-below',
    ]);
    expect(planted).toContain(
      'only-through-index: server/modules/metrics/metrics.service.ts → server/modules/orgs/orgs.repo.ts',
    );
  });
});

describe('npm run lint: the layout rules', () => {
  it('flags a file five folders deep and a source file over 300 lines, nothing else', () => {
    const long = 'x;\n'.repeat(301);
    expect(
      layoutBreaches([
        { path: 'server/modules/cases/cases.service.ts', text: 'x;\n'.repeat(300) },
        { path: 'server/modules/text/engine/stem.ts', text: 'x;\n' },
        { path: 'server/modules/cases/big.ts', text: long },
        { path: 'server/lib/text/eval-feedback-set.jsonl', text: undefined },
      ]),
    ).toEqual([
      'server/modules/text/engine/stem.ts: 5 levels deep (at most 4)',
      'server/modules/cases/big.ts: 301 lines (at most 300)',
    ]);
  });
});
