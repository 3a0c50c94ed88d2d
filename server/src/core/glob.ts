// File-name patterns (globs) matched in time proportional to the pattern times the path, whatever either holds.
// minimatch turns a glob into a backtracking RegExp: 「*a*a*a…*b」 or 「+(a|a)+(a|a)…b」 against a 40-character name
// takes minutes, and a project file's `overrides` come from whoever wrote it. Here a glob becomes a small automaton
// (Thompson's construction) that is run on all its states at once, one character at a time. Supported: * ? [...]
// [!...] ** {a,b} (nested), as minimatch reads them; extglobs (+(…) @(…) !(…) *(…) ?(…)), {1..3} sequences and
// [[:alpha:]] classes are refused with a reason, and so is a pattern over MAX_GLOB_LENGTH characters.

import type { Message } from './findings';

export const MAX_GLOB_LENGTH = 1000;

export interface GlobOptions {
  /** Whether *, ? and ** match a name starting with '.' (minimatch's `dot`). */
  dot: boolean;
  /** A pattern without '/' is matched against the last segment of the path (minimatch's `matchBase`). */
  matchBase?: boolean;
  /** Whether '\' escapes the next character (on the command line); otherwise it is a plain character. */
  escapes?: boolean;
}

export interface Glob {
  /** Whether a '/'-separated path (without empty segments) matches. */
  match(path: string): boolean;
}

/** A glob compiled, or why it is refused. */
export function compileGlob(pattern: string, options: GlobOptions): { glob: Glob } | { problem: Message } {
  if (pattern.length > MAX_GLOB_LENGTH) {
    return { problem: { zh: `文件模式过长（${pattern.length} 个字符，上限 ${MAX_GLOB_LENGTH}）`, en: `the glob is too long (${pattern.length} characters, at most ${MAX_GLOB_LENGTH})` } };
  }
  let ast: Node;
  try {
    ast = new Parser(pattern, options.escapes === true).parse();
  } catch (e) {
    if (e instanceof GlobSyntaxError) return { problem: e.problem };
    throw e;
  }
  const automaton = build(ast);
  const baseOnly = options.matchBase === true && !pattern.includes('/');
  return {
    glob: {
      match: (path) => run(automaton, baseOnly ? path.slice(path.lastIndexOf('/') + 1) : path, options.dot),
    },
  };
}

// The pattern as a tree.
type Node =
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  /** `leading`: first in its segment of the pattern, where a '.' (or a class naming '.') may match a hidden name. */
  | { kind: 'char'; char: string; leading: boolean }
  /** ? */
  | { kind: 'any' }
  | { kind: 'class'; negated: boolean; ranges: [number, number][]; leading: boolean }
  /** * within a segment */
  | { kind: 'star' }
  /** ** as a whole segment followed by '/': zero or more whole segments, each with its '/' */
  | { kind: 'dirs' }
  /** ** as the last segment: whatever is left of the path */
  | { kind: 'rest' };

class GlobSyntaxError extends Error {
  constructor(readonly problem: Message) {
    super(problem.en);
  }
}

/**
 * Reads a pattern in three linear passes: where each unescaped ']' is (so that a '[' finds its class, or learns it
 * has none, at once), which '{' pairs with which '}' and holds a top-level ',' (a stack), then the tree.
 */
class Parser {
  private i = 0;
  private readonly chars: string[];
  /** Per position: a '\' escape starts here (with escapes on). */
  private readonly escaped: boolean[];
  /** Per position: the first unescaped ']' at or after it, or -1. */
  private readonly nextClose: Int32Array;
  /** Per '{' of a group ({a,b}): the position of its '}'; a ',' of a group: its '{'. Other braces are characters. */
  private readonly groupEnd = new Map<number, number>();
  private readonly separators = new Set<number>();
  /** Per position: the end of the class that starts there, when it is a class. */
  private readonly classEnd = new Map<number, number>();

  constructor(pattern: string, private readonly escapes: boolean) {
    const cs = (this.chars = [...pattern]);
    this.escaped = new Array<boolean>(cs.length).fill(false);
    if (escapes) for (let k = 0; k < cs.length; k++) if (cs[k] === '\\' && k + 1 < cs.length) this.escaped[k++] = true;
    const isEscapedChar = (k: number) => k > 0 && this.escaped[k - 1];
    this.nextClose = new Int32Array(cs.length + 1).fill(-1);
    for (let k = cs.length - 1; k >= 0; k--) this.nextClose[k] = cs[k] === ']' && !isEscapedChar(k) ? k : this.nextClose[k + 1];
    // Braces, skipping escaped characters and whole classes as the tree below reads them.
    const open: { at: number; commas: number[] }[] = [];
    for (let k = 0; k < cs.length; k++) {
      if (this.escaped[k]) {
        k++;
        continue;
      }
      const c = cs[k];
      if (c === '[') {
        const end = this.classEndFrom(k);
        if (end >= 0) {
          this.classEnd.set(k, end);
          k = end;
        }
      } else if (c === '{') {
        open.push({ at: k, commas: [] });
      } else if (c === ',' && open.length > 0) {
        open[open.length - 1].commas.push(k);
      } else if (c === '}' && open.length > 0) {
        const group = open.pop()!;
        if (group.commas.length > 0) {
          this.groupEnd.set(group.at, k);
          for (const comma of group.commas) this.separators.add(comma);
        } else if (/^(?:-?\d+\.\.-?\d+|[A-Za-z]\.\.[A-Za-z])(?:\.\.-?\d+)?$/.test(cs.slice(group.at + 1, k).join(''))) {
          const text = cs.slice(group.at, k + 1).join('');
          throw new GlobSyntaxError({
            zh: `不支持序列“${text}”；请逐项列出，如 {2022,2023,2024}`,
            en: `the sequence "${text}" is not supported; list the items, as in {2022,2023,2024}`,
          });
        }
      }
    }
  }

  /** Where the class opening at `k` ends (its ']'), or -1 when the '[' is a plain character. A ']' first in the
   * class (after an optional '!' or '^') is a member. */
  private classEndFrom(k: number): number {
    let first = k + 1;
    if (this.chars[first] === '!' || this.chars[first] === '^') first++;
    if (first >= this.chars.length) return -1;
    const after = this.escaped[first] ? first + 2 : first + 1;
    return after <= this.chars.length ? this.nextClose[after] : -1;
  }

  parse(): Node {
    return this.sequence(this.chars.length, true);
  }

  /** Items up to `end` (exclusive), or up to a separator of the group being read. */
  private sequence(end: number, leadingAtStart: boolean): Node {
    const items: Node[] = [];
    const cs = this.chars;
    while (this.i < end && !this.separators.has(this.i)) {
      const c = cs[this.i];
      const last = items[items.length - 1];
      const leading = last === undefined ? leadingAtStart : (last.kind === 'char' && last.char === '/') || last.kind === 'dirs';
      if (this.escaped[this.i]) {
        items.push({ kind: 'char', char: cs[this.i + 1], leading });
        this.i += 2;
      } else if ('+@!*?'.includes(c) && cs[this.i + 1] === '(') {
        throw new GlobSyntaxError({
          zh: `不支持扩展模式“${c}(…)”（可能导致回溯）；请改用 {a,b}，字面的括号写作 [(]`,
          en: `extglob "${c}(…)" is not supported (it can backtrack); use {a,b}, and [(] for a literal parenthesis`,
        });
      } else if (c === '*') {
        let run = this.i;
        while (run < end && cs[run] === '*' && !this.separators.has(run)) run++;
        // ** alone in its segment (as written: not next to braces) crosses folders; anywhere else, like ***, it is a *.
        const alone = run - this.i === 2 && (this.i === 0 || cs[this.i - 1] === '/') && (run === cs.length || cs[run] === '/');
        if (alone && run === cs.length) {
          items.push({ kind: 'rest' });
          this.i = run;
        } else if (alone) {
          items.push({ kind: 'dirs' });
          this.i = run + 1;
          while (this.i < end && cs[this.i] === '/') this.i++;
        } else {
          items.push({ kind: 'star' });
          this.i = run;
        }
      } else if (c === '?') {
        items.push({ kind: 'any' });
        this.i++;
      } else if (this.classEnd.has(this.i)) {
        items.push(this.characterClass(this.classEnd.get(this.i)!, leading));
      } else if (this.groupEnd.has(this.i)) {
        const close = this.groupEnd.get(this.i)!;
        const options: Node[] = [];
        do {
          this.i++;
          options.push(this.sequence(close, leading));
        } while (this.i < close);
        this.i = close + 1;
        items.push({ kind: 'alt', options });
      } else {
        items.push({ kind: 'char', char: c, leading });
        this.i++;
        // 「a//b」 means 「a/b」, as in minimatch: paths have no empty segments.
        if (c === '/') while (this.i < end && cs[this.i] === '/') this.i++;
      }
    }
    return { kind: 'seq', items };
  }

  /** The class from this.i to `close` (its ']'): members and ranges, '!' or '^' negating it. */
  private characterClass(close: number, leading: boolean): Node {
    const cs = this.chars;
    let j = this.i + 1;
    const negated = cs[j] === '!' || cs[j] === '^';
    if (negated) j++;
    const ranges: [number, number][] = [];
    while (j < close) {
      if (cs[j] === '[' && cs[j + 1] === ':') {
        throw new GlobSyntaxError({ zh: '不支持 [[:alpha:]] 形式的字符类；请列出字符或范围，如 [a-z]', en: 'POSIX classes such as [[:alpha:]] are not supported; list the characters or ranges, as in [a-z]' });
      }
      if (this.escaped[j]) j++;
      const lo = cs[j];
      let hi = lo;
      if (cs[j + 1] === '-' && j + 2 < close) {
        j += 2;
        if (this.escaped[j]) j++;
        hi = cs[j];
      }
      ranges.push([lo.codePointAt(0)!, hi.codePointAt(0)!]);
      j++;
    }
    this.i = close + 1;
    return { kind: 'class', negated, ranges, leading };
  }
}

// The automaton: states numbered from 0; a consuming state tests one character and moves on to `next`, a split
// state moves to all of `to` without consuming. Built as fragments whose loose ends are patched later.
type State =
  | { kind: 'test'; test: (c: string, segmentStart: boolean, dot: boolean) => boolean; next: number }
  | { kind: 'split'; to: number[] }
  | { kind: 'match' };

interface Automaton {
  states: State[];
  start: number;
}

interface Fragment {
  start: number;
  /** Ways out still to be connected: [state, index in its `to`] for splits, [state, -1] for a test's `next`. */
  ends: [number, number][];
}

/** A wildcard matches any character of a segment, but not a '.' that starts one unless `dot`. */
const wildcard = (c: string, segmentStart: boolean, dot: boolean) => c !== '/' && (dot || !segmentStart || c !== '.');

function build(root: Node): Automaton {
  const states: State[] = [];
  const add = (s: State) => states.push(s) - 1;
  const patch = (ends: [number, number][], target: number) => {
    for (const [s, k] of ends) {
      const state = states[s];
      if (state.kind === 'test') state.next = target;
      else if (state.kind === 'split') state.to[k] = target;
    }
  };
  const test = (f: (c: string, segmentStart: boolean, dot: boolean) => boolean): Fragment => {
    const s = add({ kind: 'test', test: f, next: -1 });
    return { start: s, ends: [[s, -1]] };
  };
  const empty = (): Fragment => {
    const s = add({ kind: 'split', to: [-1] });
    return { start: s, ends: [[s, 0]] };
  };
  /** f, as many times as it comes, none included. */
  const loop = (f: Fragment): Fragment => {
    const s = add({ kind: 'split', to: [f.start, -1] });
    patch(f.ends, s);
    return { start: s, ends: [[s, 1]] };
  };
  const concat = (parts: Fragment[]): Fragment => {
    if (parts.length === 0) return empty();
    for (let k = 0; k + 1 < parts.length; k++) patch(parts[k].ends, parts[k + 1].start);
    return { start: parts[0].start, ends: parts[parts.length - 1].ends };
  };
  const fragment = (node: Node): Fragment => {
    switch (node.kind) {
      case 'seq':
        return concat(node.items.map(fragment));
      case 'alt': {
        const options = node.options.map(fragment);
        const s = add({ kind: 'split', to: options.map((o) => o.start) });
        return { start: s, ends: options.flatMap((o) => o.ends) };
      }
      case 'char': {
        const { char, leading } = node;
        return test((c, segmentStart, dot) => c === char && (leading || c !== '.' || dot || !segmentStart));
      }
      case 'any':
        return test(wildcard);
      case 'class': {
        // A class never matches '/'; one that names '.' first in its segment may match a hidden name ([.]a matches
        // .a, as in minimatch), any other only when `dot`.
        const { negated, ranges, leading } = node;
        return test((c, segmentStart, dot) => {
          if (c === '/' || ((negated || !leading) && !wildcard(c, segmentStart, dot))) return false;
          const code = c.codePointAt(0)!;
          return ranges.some(([lo, hi]) => code >= lo && code <= hi) !== negated;
        });
      }
      case 'star':
        return loop(test(wildcard));
      case 'dirs':
        // (segment '/')*, each segment's characters wildcards.
        return loop(concat([loop(test(wildcard)), test((c) => c === '/')]));
      case 'rest':
        return loop(test((c, segmentStart, dot) => c === '/' || wildcard(c, segmentStart, dot)));
    }
  };
  const whole = fragment(root);
  patch(whole.ends, add({ kind: 'match' }));
  return { states, start: whole.start };
}

/** Runs the automaton on every state at once: O(states × characters). */
function run(automaton: Automaton, path: string, dot: boolean): boolean {
  const { states } = automaton;
  const mark = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  let generation = 0;
  const addState = (list: number[], s: number) => {
    // Splits are followed at once; each state enters a generation's list once.
    const stack = [s];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (mark[t] === generation) continue;
      mark[t] = generation;
      const state = states[t];
      if (state.kind === 'split') {
        for (let k = state.to.length - 1; k >= 0; k--) stack.push(state.to[k]);
      } else {
        list.push(t);
      }
    }
  };
  addState(current, automaton.start);
  let previous = '/';
  for (const c of path) {
    generation++;
    const next: number[] = [];
    const segmentStart = previous === '/';
    for (const s of current) {
      const state = states[s];
      if (state.kind === 'test' && state.test(c, segmentStart, dot)) addState(next, state.next);
    }
    if (next.length === 0) return false;
    current = next;
    previous = c;
  }
  return current.some((s) => states[s].kind === 'match');
}
