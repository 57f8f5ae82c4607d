// Prints `file:start-end` line ranges of the module-level initializers (tables, lists, regexes:
// what runs at import) of the given files, comma-separated, for Stryker's `--mutate`. Their
// mutants are "static": each re-runs every selected test, so a whole-folder run skips them
// (`--ignoreStatic`) and this measures them on their own:
//   npm run mutate -- --force --checkers "" --mutate "$(node scripts/static-mutant-ranges.mjs $(find src/actions -name '*.ts'))"
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const ranges = [];
for (const file of process.argv.slice(2).sort()) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const line = (pos) => source.getLineAndCharacterOfPosition(pos).line + 1;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const { initializer } of statement.declarationList.declarations) {
      // A function's body runs when called, not at import: its mutants are not static.
      if (!initializer || ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) continue;
      ranges.push(`${file}:${line(initializer.getStart())}-${line(initializer.getEnd())}`);
    }
  }
}
console.log(ranges.join(','));
