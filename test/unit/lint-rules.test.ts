/**
 * The lint rules that keep the house (eslint.config.js) fire on real imports: browser folders
 * refuse Node, Zod and linkedom; and a folder lower in the order refuses a higher one
 * (`npm run lint` checks the tree itself).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const rulesHit = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);

describe('house rules', () => {
  it.each(['src/charts/probe.ts', 'src/client/probe.ts', 'src/i18n/probe.ts', 'src/queries/probe.ts'])(
    '%s may not load Node, Zod or linkedom',
    async (file) => {
      const hit = await rulesHit(
        file,
        "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nimport { parseHTML } from 'linkedom';\nexport const x = [readFileSync, z, parseHTML];\n",
      );
      expect(hit.filter((r) => r === 'no-restricted-imports')).toHaveLength(3);
      expect(hit).toContain('import-x/no-nodejs-modules');
    },
  );

  it('build-only code may', async () => {
    expect(
      await rulesHit(
        'src/site/probe.ts',
        "import { readFileSync } from 'node:fs';\nimport { parseHTML } from 'linkedom';\nexport const x = [readFileSync, parseHTML];\n",
      ),
    ).toEqual([]);
  });

  it('a folder may import only from folders below it', async () => {
    expect(await rulesHit('src/charts/probe.ts', "import { regions } from '../site/model.ts';\nexport const x = regions;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
    expect(await rulesHit('src/queries/probe.ts', "import { t } from '../i18n/words.ts';\nexport const x = t;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
    expect(
      await rulesHit('src/derive/probe.ts', "import { readTable } from '../site/published.ts';\nexport const x = readTable;\n"),
    ).toEqual(['import-x/no-restricted-paths']);
    expect(await rulesHit('src/site/probe.ts', "import { t } from '../i18n/words.ts';\nexport const x = t;\n")).toEqual([]);
  });
});
