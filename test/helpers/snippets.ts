// Expands a VS Code snippet body with its defaults, for fast unit tests of what a snippet inserts. It knows the
// syntax our snippets use — tab stops with defaults and choices, mirrors, variables, and transforms whose
// format has $n, ${n} and ${n:+text} — and throws on anything else, so that a new construct cannot slip past
// untested. The end-to-end test inserts the same snippets in a real VS Code.

export interface SnippetVariables {
  [name: string]: string;
}

/** VS Code's date variables for a given day. */
export function dateVariables(date: Date): SnippetVariables {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    CURRENT_YEAR: String(date.getFullYear()),
    CURRENT_MONTH: pad(date.getMonth() + 1),
    CURRENT_DATE: pad(date.getDate()),
  };
}

export function expandSnippet(body: string | string[], variables: SnippetVariables): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  // Learn every tab stop's default (the first placeholder or choice that defines one), twice: a default may
  // hold another tab stop's value (the 成文日期 holds the report year + 1), known only after the first pass.
  let defaults = new Map<number, string>();
  render(text, variables, defaults, true);
  const relearned = new Map<number, string>();
  render(text, variables, relearned, true, defaults);
  defaults = relearned;
  return render(text, variables, defaults, false);
}

function render(text: string, variables: SnippetVariables, defaults: Map<number, string>, learning: boolean, known?: Map<number, string>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '\\$}'.includes(text[i + 1])) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(i));
    if (simple) {
      out += value(simple[1], variables, defaults, learning, known);
      i += simple[0].length;
      continue;
    }
    if (text[i + 1] !== '{') throw new Error(`unsupported snippet syntax at ${i}: ${text.slice(i, i + 20)}`);
    const end = matchingBrace(text, i + 1);
    const inner = text.slice(i + 2, end);
    out += element(inner, variables, defaults, learning, known);
    i = end + 1;
  }
  return out;
}

function element(inner: string, variables: SnippetVariables, defaults: Map<number, string>, learning: boolean, known?: Map<number, string>): string {
  const m = /^(\d+|[A-Z_]+)(.*)$/s.exec(inner);
  if (!m) throw new Error(`unsupported snippet element \${${inner}}`);
  const [, name, rest] = m;
  if (rest === '') return value(name, variables, defaults, learning, known);
  if (rest.startsWith(':')) {
    const content = render(rest.slice(1), variables, defaults, learning, known);
    if (/^\d+$/.test(name)) {
      if (!defaults.has(Number(name))) defaults.set(Number(name), content);
      return learning ? content : defaults.get(Number(name))!;
    }
    return variables[name] ?? content;
  }
  if (rest.startsWith('|')) {
    const first = rest.slice(1, rest.length - 1).split(',')[0];
    if (!defaults.has(Number(name))) defaults.set(Number(name), first);
    return defaults.get(Number(name))!;
  }
  if (rest.startsWith('/')) {
    const [pattern, format] = splitTransform(rest.slice(1));
    return transform(value(name, variables, defaults, learning, known), pattern, format);
  }
  throw new Error(`unsupported snippet element \${${inner}}`);
}

function value(name: string, variables: SnippetVariables, defaults: Map<number, string>, learning: boolean, known?: Map<number, string>): string {
  if (/^\d+$/.test(name)) return learning ? known?.get(Number(name)) ?? '' : defaults.get(Number(name)) ?? '';
  if (!(name in variables)) throw new Error(`unknown snippet variable ${name}`);
  return variables[name];
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '\\') {
      k++;
      continue;
    }
    if (text[k] === '{') depth++;
    else if (text[k] === '}' && --depth === 0) return k;
  }
  throw new Error(`unclosed \${ in snippet: ${text.slice(open - 1, open + 30)}`);
}

/** `regex/format/options` → [regex, format] (options unused by our snippets). */
function splitTransform(s: string): [string, string] {
  const parts: string[] = [];
  let current = '';
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\\' && s[k + 1] === '/') {
      current += '/';
      k++;
    } else if (s[k] === '/') {
      parts.push(current);
      current = '';
    } else {
      current += s[k];
    }
  }
  if (parts.length !== 2 || current !== '') throw new Error(`unsupported transform /${s}`);
  return [parts[0], parts[1]];
}

function transform(input: string, pattern: string, format: string): string {
  const m = new RegExp(pattern).exec(input);
  if (!m) return input;
  let out = '';
  for (let k = 0; k < format.length; k++) {
    if (format[k] !== '$') {
      out += format[k];
      continue;
    }
    const plain = /^\$(\d+)/.exec(format.slice(k));
    if (plain) {
      out += m[Number(plain[1])] ?? '';
      k += plain[0].length - 1;
      continue;
    }
    const cond = /^\$\{(\d+)(?::\+([^}]*))?\}/.exec(format.slice(k));
    if (!cond) throw new Error(`unsupported format at ${format.slice(k, k + 12)}`);
    const group = m[Number(cond[1])];
    out += cond[2] === undefined ? group ?? '' : group !== undefined ? cond[2] : '';
    k += cond[0].length - 1;
  }
  return input.slice(0, m.index) + out + input.slice(m.index + m[0].length);
}
