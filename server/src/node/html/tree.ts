// A saved web page as a small tree of what a reader sees: elements with the few attributes that matter here
// (id and class for finding the article, rowspan and colspan for tables) and their text, parsed by htmlparser2
// (entities decoded, implied end tags closed as browsers close them). What never shows as text is left out
// while parsing: scripts, styles, frames, form controls, site navigation, hidden elements, the head but its
// <title>. A page from a stranger costs at most the limits: elements, nesting depth, text and time.

import { Parser } from 'htmlparser2';
import { HtmlError } from './error';

export interface HtmlElement {
  kind: 'element';
  name: string;
  id: string;
  className: string;
  rowspan: number;
  colspan: number;
  children: HtmlNode[];
}

export interface HtmlText {
  kind: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

export interface HtmlLimits {
  /** Elements kept; a report page has a few thousand. */
  maxElements: number;
  /** Elements nested deeper than this: no page nests a hundred levels, a hostile one nests thousands. */
  maxDepth: number;
  /** Characters of text kept. */
  maxChars: number;
  /** Milliseconds the whole reading may take. */
  maxMillis: number;
}

export interface ParsedPage {
  body: HtmlElement;
  /** The text of <title>, whitespace collapsed. */
  title: string;
}

/** Whose content is never text a reader sees. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'svg', 'math',
  'canvas', 'video', 'audio', 'map', 'nav', 'select', 'option', 'optgroup', 'textarea', 'button', 'input', 'datalist',
  'head', 'link', 'meta', 'base',
]);

/** Characters of <title> kept. */
const MAX_TITLE = 500;

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Rowspan and colspan as browsers clamp them (HTML: colspan ≤ 1000, rowspan ≤ 65534). */
function span(value: string | undefined, max: number): number {
  const n = value !== undefined && /^\s*\d{1,6}/.test(value) ? parseInt(value, 10) : 1;
  return n >= 1 ? Math.min(n, max) : 1;
}

export function parsePage(html: string, limits: HtmlLimits): ParsedPage {
  const started = Date.now();
  const body: HtmlElement = element('body', {});
  const stack: HtmlElement[] = [body];
  /** What each open tag is, innermost last: htmlparser2 closes every tag it opens (void, implied or not). */
  const open: ('kept' | 'dropped' | 'title' | 'root')[] = [];
  let dropped = 0;
  let inTitle = 0;
  let title = '';
  let elements = 0;
  let chars = 0;
  let events = 0;
  const tick = () => {
    // The clock is read every few thousand events: cheap, and soon enough.
    if ((++events & 0xfff) === 0 && Date.now() - started > limits.maxMillis) throw timeUp(limits);
  };

  const parser = new Parser({
    onopentag(name, attribs) {
      tick();
      if (name === 'title' && inTitle === 0 && title === '') {
        inTitle++;
        open.push('title');
      } else if (dropped > 0 || inTitle > 0 || DROPPED.has(name) || 'hidden' in attribs ||
        (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style)) || attribs['aria-hidden'] === 'true') {
        dropped++;
        open.push('dropped');
      } else if (name === 'html' || name === 'body') {
        open.push('root');
      } else {
        if (++elements > limits.maxElements) {
          throw new HtmlError(`网页元素超过 ${limits.maxElements} 个的上限`, `the page has more than ${limits.maxElements} elements`);
        }
        if (stack.length > limits.maxDepth) {
          throw new HtmlError(`网页元素嵌套超过 ${limits.maxDepth} 层的上限`, `the page nests elements more than ${limits.maxDepth} deep`);
        }
        const e = element(name, attribs);
        stack[stack.length - 1].children.push(e);
        stack.push(e);
        open.push('kept');
      }
    },
    onclosetag() {
      tick();
      const kind = open.pop();
      if (kind === 'dropped') dropped--;
      else if (kind === 'title') inTitle--;
      else if (kind === 'kept') stack.pop();
    },
    ontext(text) {
      tick();
      if (inTitle > 0) {
        if (title.length < MAX_TITLE) title += text;
        return;
      }
      if (dropped > 0) return;
      chars += text.length;
      if (chars > limits.maxChars) {
        throw new HtmlError(`网页文字超过 ${limits.maxChars} 字的上限`, `the page holds more than ${limits.maxChars} characters of text`);
      }
      const children = stack[stack.length - 1].children;
      const last = children[children.length - 1];
      if (last?.kind === 'text') last.text += text;
      else children.push({ kind: 'text', text });
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false });
  // In slices, so that the clock is read during tokenising too, not only between events.
  const SLICE = 1 << 16;
  for (let i = 0; i < html.length; i += SLICE) {
    parser.write(html.slice(i, i + SLICE));
    tick();
  }
  parser.end();
  if (Date.now() - started > limits.maxMillis) throw timeUp(limits);
  // A title is a line; a page whose <title> never closes holds the rest of the page in it.
  return { body, title: title.slice(0, MAX_TITLE).replace(/\s+/g, ' ').trim() };
}

function element(name: string, attribs: Record<string, string>): HtmlElement {
  return {
    kind: 'element',
    name,
    id: attribs.id ?? '',
    className: attribs.class ?? '',
    rowspan: span(attribs.rowspan, 65534),
    colspan: span(attribs.colspan, 1000),
    children: [],
  };
}

function timeUp(limits: HtmlLimits): HtmlError {
  return new HtmlError(`网页读取超过 ${limits.maxMillis / 1000} 秒的时限`, `reading the page took longer than ${limits.maxMillis / 1000} s`);
}
