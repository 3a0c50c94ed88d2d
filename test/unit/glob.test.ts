// File-name patterns matched without backtracking (issue 18): as minimatch reads them where both accept a pattern,
// in time proportional to pattern × path, and a clear refusal for what could backtrack or is overlong.
import * as assert from 'assert/strict';
import fc from 'fast-check';
import { minimatch } from 'minimatch';
import { compileGlob, MAX_GLOB_LENGTH, type GlobOptions } from '../../server/src/core/glob';

function glob(pattern: string, options: GlobOptions = { dot: true }) {
  const compiled = compileGlob(pattern, options);
  assert.ok('glob' in compiled, `${pattern}: ${JSON.stringify(compiled)}`);
  return compiled.glob;
}

function timed(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

describe('globs', () => {
  it('match as minimatch does (*, ?, [...], [!...], **, {a,b}; dot on and off; match on the base name)', () => {
    // Pieces of patterns, and paths of short names (no empty, . or .. segments: relative paths of files).
    const piece = fc.constantFrom('a', 'b', '.', '/', '*', '?', '[a-b]', '[!a]', '[.]', '{a,b}', '{a,b/c}', '**', '/**/', '**/', '/**', 'a*', '***');
    const pattern = fc.array(piece, { minLength: 1, maxLength: 7 }).map((a) => a.join(''))
      // Where the two differ by design: ** next to braces is a * here (a globstar only as written), and .. segments.
      .filter((p) => !/\*\*[{},]|[{},]\*\*|(^|\/)\.\.(\/|$)/.test(p));
    const name = fc.array(fc.constantFrom('a', 'b', 'c', '.'), { minLength: 1, maxLength: 3 }).map((a) => a.join('')).filter((n) => n !== '.' && n !== '..');
    const file = fc.array(name, { minLength: 1, maxLength: 4 }).map((a) => a.join('/'));
    fc.assert(fc.property(pattern, file, fc.boolean(), fc.boolean(), (p, f, dot, base) => {
      const matchBase = base && !p.includes('/');
      assert.equal(glob(p, { dot, matchBase }).match(f), minimatch(f, p, { dot, matchBase, nonegate: true, nocomment: true }), `${p} on ${f} (dot ${dot}, matchBase ${matchBase})`);
    }), { numRuns: 3000 });
  });

  it('reads the pieces users write', () => {
    assert.ok(glob('信息公开/**').match('信息公开/2023/乡镇/a.txt'));
    assert.ok(!glob('信息公开/**').match('信息公开'));
    assert.ok(glob('**/信息公开/*.txt').match('信息公开/a.txt'));
    assert.ok(glob('{2022,2023}年*.txt').match('2023年报告.txt') && !glob('{2022,2023}年*.txt').match('2024年报告.txt'));
    assert.ok(glob('[0-9][0-9]年*').match('23年报告') && glob('[!0-9]*').match('报告23'));
    assert.ok(glob('a//b').match('a/b'), 'a doubled slash is one');
    assert.ok(glob('*.txt', { dot: true, matchBase: true }).match('乡镇/岳溪镇/a.txt'));
    assert.ok(glob('a{,.bak}').match('a') && glob('a{,.bak}').match('a.bak'));
    assert.ok(glob('{a}').match('{a}') && glob('[a').match('[a') && glob('a{b').match('a{b'), 'an unclosed or single-item bracket is a plain character');
    assert.ok(glob('\\*.txt', { dot: false, escapes: true }).match('*.txt') && !glob('\\*.txt', { dot: false, escapes: true }).match('a.txt'));
    assert.ok(glob('\\*.txt', { dot: true }).match('\\a.txt'), 'without escapes a backslash is a character');
    assert.ok(glob('?.txt').match('😀.txt'), '? is one character, not one UTF-16 unit');
  });

  it('refuses extglobs, sequences and POSIX classes with a reason, Chinese first', () => {
    for (const p of ['+(a|b).txt', '@(a|b)', 'x!(a)', '*(a)', '?(a)']) {
      const c = compileGlob(p, { dot: true });
      assert.ok('problem' in c, p);
      assert.match(c.problem.zh, /不支持扩展模式/);
      assert.match(c.problem.en, /extglob/);
    }
    const sequence = compileGlob('{2021..2023}年*.txt', { dot: true });
    assert.ok('problem' in sequence && /逐项列出/.test(sequence.problem.zh));
    const posix = compileGlob('[[:digit:]]*', { dot: true });
    assert.ok('problem' in posix && /\[a-z\]/.test(posix.problem.en));
  });

  it('caps the length: 1,000 characters pass, 64 KB is refused in one line', () => {
    assert.ok(glob('a'.repeat(MAX_GLOB_LENGTH)).match('a'.repeat(MAX_GLOB_LENGTH)));
    const long = compileGlob('*'.repeat(65_536) + 'b', { dot: true });
    assert.ok('problem' in long);
    assert.match(long.problem.zh, /过长（65537 个字符，上限 1000）/);
  });

  it('takes time linear in pattern × path on patterns that make a backtracking matcher explode', () => {
    const name = 'a'.repeat(40);
    const starry = '*a'.repeat(30) + '*b';
    assert.ok(timed(() => assert.equal(glob(starry).match(name), false)) < 200);
    assert.ok(timed(() => assert.equal(glob('**/' + '*a'.repeat(490) + '*b').match(`x/${'a'.repeat(4000)}`), false)) < 2000, 'the longest pattern on a long path');
    const braces = '{a,a}'.repeat(199) + 'b';
    assert.ok(timed(() => assert.equal(glob(braces).match(name), false)) < 200);
    assert.ok(timed(() => compileGlob('{'.repeat(MAX_GLOB_LENGTH), { dot: true })) < 200, 'unclosed braces are read once each');
    assert.ok(timed(() => compileGlob('{a,'.repeat(333), { dot: true })) < 200);
  });
});
