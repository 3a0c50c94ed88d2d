// How a profile's patterns are compiled. The built-in profiles' run as native RegExps: they are ours, reviewed and
// tested (test/unit/profiles-user.test.ts checks them for nested repetition and against the linear engine), and they
// run on every report. A user's pattern (a project file's or a setting's profile) runs on RE2 (re2js), which matches
// in time linear in the text whatever the pattern: JavaScript cannot stop a running RegExp, and no static check finds
// every pattern that backtracks catastrophically (「(\S|[\u4e00-\u9fa5])*年度报告$」 passes safe-regex2 and blocks for
// most of a minute on a 32-character title). Users write JavaScript syntax; translateToRe2 carries it over where RE2
// means the same, and says which key is at fault where it cannot (backreferences, lookahead).

import type { Message } from '../findings';
import type { Profile } from './types';

/** What the checker needs of a pattern: both RegExp and a compiled RE2JS pattern offer it. */
export interface TextPattern {
  test(text: string): boolean;
  exec(text: string): { index: number; 0: string } | null;
}

export const MAX_PATTERN_LENGTH = 200;
/**
 * RE2's measure of a pattern's cost: the number of instructions of its program. Matching takes at most this many
 * steps per character; 2,000 leaves room for 「[\u4e00-\u9fa5]{2,50}」 and is far above any built-in pattern.
 */
export const MAX_PROGRAM_SIZE = 2000;

// JavaScript's \s is Unicode white space (the full-width space U+3000 of Chinese text among it); RE2's is ASCII.
const JS_SPACE = String.raw`\t\n\v\f\r\pZ\x{feff}`;

type Re2Module = typeof import('./re2');
let re2: Re2Module | undefined;
/** re2js, loaded on first use: a separate bundle (dist/re2.js) that only users with their own profiles need. */
function loadRe2(): Re2Module {
  // A require, not an import: esbuild.mjs leaves it to load dist/re2.js at run time.
  return (re2 ??= require('./re2') as Re2Module);
}

const builtin = new WeakSet<Profile>();
/** Marks the built-in profiles, whose patterns run natively. */
export function markBuiltin(profiles: readonly Profile[]): void {
  for (const p of profiles) builtin.add(p);
}

/** A profile's patterns, compiled for the engine its origin calls for. A user's were validated when the config was
 * read; one that still does not compile (a profile built in code) matches nothing. */
export function compilePatterns(profile: Profile, sources: readonly string[]): TextPattern[] {
  if (builtin.has(profile)) return sources.map((s) => new RegExp(s));
  return sources.map((s) => {
    const compiled = compileUserPattern(s);
    return 'pattern' in compiled ? compiled.pattern : NEVER;
  });
}

const NEVER: TextPattern = { test: () => false, exec: () => null };

/** A user's pattern on the linear engine, or why it cannot run. */
export function compileUserPattern(source: unknown): { pattern: TextPattern } | { problem: Message } {
  if (typeof source !== 'string' || source.length === 0) return { problem: { zh: '应为非空字符串（正则表达式）', en: 'must be a non-empty string (a regular expression)' } };
  if (source.length > MAX_PATTERN_LENGTH) {
    return { problem: { zh: `过长（${source.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）`, en: `too long (${source.length} characters, at most ${MAX_PATTERN_LENGTH})` } };
  }
  const translated = translateToRe2(source);
  if ('problem' in translated) return translated;
  let RE2JS: Re2Module['RE2JS'];
  try {
    ({ RE2JS } = loadRe2());
  } catch (e) {
    // A broken installation (dist/re2.js missing): the profile is left out, the rest still checks.
    return { problem: { zh: `无法加载正则表达式引擎（${(e as Error).message}）`, en: `cannot load the regular expression engine (${(e as Error).message})` } };
  }
  let pattern: InstanceType<typeof RE2JS>;
  try {
    pattern = RE2JS.compile(translated.source, RE2JS.LOOKBEHINDS);
  } catch (e) {
    const why = (e as Error).message.replace(/^error parsing regexp: /, '');
    return { problem: { zh: `不是有效的正则表达式（RE2 语法：${why}）`, en: `not a valid regular expression (RE2 syntax: ${why})` } };
  }
  if (pattern.programSize() > MAX_PROGRAM_SIZE) {
    return { problem: { zh: `过于复杂（规模 ${pattern.programSize()}，上限 ${MAX_PROGRAM_SIZE}；请减少重复次数，如 {1000}）`, en: `too complex (size ${pattern.programSize()}, at most ${MAX_PROGRAM_SIZE}; use fewer repetitions such as {1000})` } };
  }
  // exec gives an array shaped like RegExp's (index, input), typed loosely by re2js.
  return { pattern: pattern as unknown as TextPattern };
}

const HEX = /^[0-9a-fA-F]+$/;

/**
 * A pattern in JavaScript syntax (as `new RegExp(source)` reads it, without flags) in RE2 syntax with the same
 * meaning, or why there is none. Carried over: \uXXXX, \s and \S (Unicode white space, as in JavaScript), [\b],
 * identity escapes (「\中」), (?<name>…), empty and negated-empty classes. Refused: backreferences (\1, \k<name>) and
 * lookahead ((?=…), (?!…)), which RE2 cannot run in linear time; lookbehind runs (re2js does it in linear time).
 */
export function translateToRe2(source: string): { source: string } | { problem: Message } {
  let out = '';
  let i = 0;
  const refuse = (zh: string, en: string) => ({ problem: { zh, en } });
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      const escaped = escape(source, i, false);
      if ('problem' in escaped) return escaped;
      out += escaped.text;
      i = escaped.next;
    } else if (c === '[') {
      const cls = characterClass(source, i);
      if ('problem' in cls) return cls;
      out += cls.text;
      i = cls.next;
    } else if (c === '(' && source[i + 1] === '?') {
      if (source[i + 2] === '=' || source[i + 2] === '!') {
        return refuse('含前瞻断言 (?=…) 或 (?!…)，RE2 不支持（可改用后顾断言 (?<=…)、(?<!…)，或拆成 notHeadings）',
          'has a lookahead (?=…) or (?!…), which RE2 does not support (use a lookbehind (?<=…), (?<!…), or notHeadings)');
      }
      // JavaScript's named group; RE2 spells it (?P<name>…).
      if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
        out += '(?P<';
        i += 3;
      } else {
        out += '(?';
        i += 2;
      }
    } else {
      out += c;
      i++;
    }
  }
  return { source: out };
}

/** One escape sequence at `at` (the backslash), inside a character class or not. */
function escape(source: string, at: number, inClass: boolean): { text: string; next: number; notSpace?: boolean } | { problem: Message } {
  const c = source[at + 1];
  if (c === undefined) return { problem: { zh: '不是有效的正则表达式（以单独的“\\”结尾）', en: 'not a valid regular expression (it ends with a lone "\\")' } };
  const next = at + 2;
  switch (c) {
    case 'u': {
      const hex = source.slice(next, next + 4);
      if (hex.length === 4 && HEX.test(hex)) return { text: `\\x{${hex}}`, next: next + 4 };
      return { text: 'u', next };
    }
    case 'x': {
      const hex = source.slice(next, next + 2);
      if (hex.length === 2 && HEX.test(hex)) return { text: `\\x${hex}`, next: next + 2 };
      return { text: 'x', next };
    }
    case 's':
      return { text: inClass ? JS_SPACE : `[${JS_SPACE}]`, next };
    case 'S':
      return inClass ? { text: '', next, notSpace: true } : { text: `[^${JS_SPACE}]`, next };
    case 'b':
      // In a class, JavaScript's \b is the backspace character.
      return { text: inClass ? '\\x08' : '\\b', next };
    case 'c': {
      const letter = source[next];
      if (letter !== undefined && /[A-Za-z]/.test(letter)) return { text: `\\x{${(letter.charCodeAt(0) % 32).toString(16)}}`, next: next + 1 };
      return { text: '\\\\c', next };
    }
    case '0':
      return { text: '\\x00', next };
    case 'k':
      if (source[next] === '<') return backreference();
      return { text: 'k', next };
    case 'd': case 'D': case 'w': case 'W': case 'B': case 't': case 'n': case 'r': case 'f': case 'v': case 'p': case 'P':
      return { text: `\\${c}`, next };
    default:
      if (c >= '1' && c <= '9') return backreference();
      // ASCII punctuation is escaped alike in both; any other character stands for itself, as in JavaScript.
      if (/[!-/:-@[-`{-~]/.test(c)) return { text: `\\${c}`, next };
      return { text: c, next };
  }
}

function backreference(): { problem: Message } {
  return { problem: { zh: '含反向引用（\\1、\\k<名称>），RE2 不支持', en: 'has a backreference (\\1, \\k<name>), which RE2 does not support' } };
}

/** A character class at `at` (its '['), as RE2 reads the same set. */
function characterClass(source: string, at: number): { text: string; next: number } | { problem: Message } {
  let i = at + 1;
  const negated = source[i] === '^';
  if (negated) i++;
  let body = '';
  let notSpace = false;
  // In JavaScript a ']' right after '[' closes the class (RE2 would take it as a member).
  while (i < source.length && source[i] !== ']') {
    const c = source[i];
    if (c === '\\') {
      const escaped = escape(source, i, true);
      if ('problem' in escaped) return escaped;
      body += escaped.text;
      notSpace ||= escaped.notSpace === true;
      i = escaped.next;
    } else {
      // '[' is a member in JavaScript; RE2 would read 「[:alpha:]」 as a named class.
      body += c === '[' ? '\\[' : c;
      i++;
    }
  }
  if (i >= source.length) return { problem: { zh: '不是有效的正则表达式（字符类“[”没有闭合）', en: 'not a valid regular expression (an unterminated character class "[")' } };
  const next = i + 1;
  if (notSpace) {
    // \S among other members: a class of its own joined to the rest (in a negated class there is no such union).
    if (negated) return { problem: { zh: '否定字符类 [^…] 中不能含 \\S', en: '\\S cannot stand in a negated class [^…]' } };
    return { text: body === '' ? `[^${JS_SPACE}]` : `(?:[^${JS_SPACE}]|[${body}])`, next };
  }
  if (body === '') return { text: negated ? '(?s:.)' : '[^\\x00-\\x{10FFFF}]', next };
  return { text: `[${negated ? '^' : ''}${body}]`, next };
}
