// The XML of a part, read by saxes (a streaming parser, linear in the input) with namespaces resolved: an
// element is known by its namespace, whatever prefix the file gives it or none (a default namespace), and
// Strict Open XML names the same elements in other namespaces. Markup compatibility is applied here, once
// for every part: of an mc:AlternateContent, one branch is read as if it stood in its place.
//
// Namespaces are resolved here, not by saxes's `xmlns` option: saxes looks a prefix up through every open
// element, for every element and attribute, which is quadratic in the depth (50,000 nested elements took 24 s).
// Here a prefix's binding is the top of its own stack.

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocxError } from './error';
import { shownName } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MAIN_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Short names of the namespaces an element is matched by: its key is 「w:p」 whatever its prefix. */
const SHORT: Record<string, string> = {
  [MAIN]: 'w',
  [MAIN_STRICT]: 'w',
  [MARKUP_COMPATIBILITY]: 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

/**
 * The namespaces an mc:Choice may require for us to take it rather than the mc:Fallback: WordprocessingML
 * and Word 2010's shapes, groups and canvases, through which the reader walks to a text box's w:txbxContent.
 * Not w14 and the like: a Choice that needs them (a custom number format, say) has a Fallback for readers
 * of the 2007 format, which we are.
 */
const UNDERSTOOD = new Set([
  MAIN, MAIN_STRICT,
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
]);

export interface XmlElement {
  /** 「w:p」, 「rel:Relationship」; 「?:local」 for namespaces not listed. */
  key: string;
  /** By qualified name, as written. */
  attributes: Record<string, string>;
  /** The namespace a prefix is bound to where the element stands. */
  resolve(prefix: string): string | undefined;
}

export interface XmlVisitor {
  /** `path`: the keys of the open ancestors, innermost last. Returning false skips the element and its content. */
  open(element: XmlElement, path: readonly string[]): boolean | void;
  close(key: string, path: readonly string[]): void;
  text(text: string): void;
}

/** An attribute by local name, unqualified or in WordprocessingML's namespace (Word writes w:val, others val). */
export function attribute(element: XmlElement, local: string): string | undefined {
  const attributes = element.attributes;
  if (local in attributes) return attributes[local];
  for (const name in attributes) {
    const colon = name.indexOf(':');
    if (colon >= 0 && name.slice(colon + 1) === local && SHORT[element.resolve(name.slice(0, colon)) ?? ''] === 'w') return attributes[name];
  }
  return undefined;
}

/** An ST_OnOff attribute: absent means on. */
export function isOn(element: XmlElement): boolean {
  const value = attribute(element, 'val');
  return value === undefined || !/^(?:false|off|0)$/i.test(value);
}

const enum Open { Reported, Alternate, Branch }
const CHUNK = 1 << 20;
/** Word nests tables in tables, text boxes in paragraphs: a few dozen levels. Past this, the file is hostile. */
const MAX_DEPTH = 1000;
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Reads `bytes` (UTF-8, or UTF-16 with a BOM) in chunks, so that no string larger than a chunk or a single
 * text node is made. Not well-formed XML is a DocxError, but elements left open are closed where their parent
 * closes or the part ends, and what they hold is read: the recovery saxes makes, and the old reader's.
 */
export function readXml(part: string, bytes: Uint8Array, visitor: XmlVisitor): void {
  const parser = new SaxesParser({});
  const path: string[] = [];
  const opened: Open[] = [];
  /** Per open element read: the prefixes it binds. */
  const declared: (string[] | undefined)[] = [];
  const bindings = new Map<string, string[]>([['xml', [XML_NAMESPACE]]]);
  const resolve = (prefix: string) => {
    const stack = bindings.get(prefix);
    return stack && stack.length > 0 ? stack[stack.length - 1] : undefined;
  };
  const declare = (attributes: Record<string, string>): string[] | undefined => {
    let prefixes: string[] | undefined;
    for (const name in attributes) {
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const prefix = name.slice(6);
      let stack = bindings.get(prefix);
      if (!stack) bindings.set(prefix, (stack = []));
      stack.push(attributes[name]);
      (prefixes ??= []).push(prefix);
    }
    return prefixes;
  };
  const undeclare = (prefixes: string[] | undefined) => {
    for (const prefix of prefixes ?? []) bindings.get(prefix)!.pop();
  };
  /** Per open mc:AlternateContent: whether a branch was taken. */
  const alternates: boolean[] = [];
  let skip = 0;
  let ending = false;
  parser.on('error', (err) => {
    // Elements left open: closed by their parent's end tag (saxes closes them) or by the end of the part.
    if (/unexpected close tag/.test(err.message) || (ending && /unclosed tag|unexpected end/.test(err.message))) return;
    const m = /^(\d+):(\d+): (.*)$/.exec(err.message);
    const where = m ? { zh: `第 ${m[1]} 行第 ${m[2]} 列：${m[3]}`, en: `line ${m[1]}, column ${m[2]}: ${m[3]}` } : { zh: err.message, en: err.message };
    const shown = shownName(part);
    throw new DocxError(`${shown} 不是格式正确的 XML（${where.zh}）`, `${shown} is not well-formed XML (${where.en})`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (skip > 0) {
      if (++skip + opened.length > MAX_DEPTH) parser.fail(`elements nested more than ${MAX_DEPTH} deep`);
      return;
    }
    if (opened.length >= MAX_DEPTH) parser.fail(`elements nested more than ${MAX_DEPTH} deep`);
    const prefixes = declare(tag.attributes);
    const colon = tag.name.indexOf(':');
    const prefix = colon >= 0 ? tag.name.slice(0, colon) : '';
    const local = tag.name.slice(colon + 1);
    const uri = resolve(prefix);
    if (uri === undefined && prefix !== '') parser.fail(`unbound namespace prefix: ${prefix}`);
    const ns = SHORT[uri ?? ''];
    const skipIt = () => {
      undeclare(prefixes);
      skip = 1;
    };
    if (ns === 'mc') {
      if (local === 'AlternateContent') {
        alternates.push(false);
        opened.push(Open.Alternate);
        declared.push(prefixes);
        return;
      }
      if ((local === 'Choice' || local === 'Fallback') && opened[opened.length - 1] === Open.Alternate) {
        const taken = alternates[alternates.length - 1];
        const usable = local === 'Fallback' || (tag.attributes.Requires ?? '').trim().split(/\s+/).every((p) => UNDERSTOOD.has(resolve(p) ?? ''));
        if (taken || !usable) return skipIt();
        alternates[alternates.length - 1] = true;
        opened.push(Open.Branch);
        declared.push(prefixes);
        return;
      }
    }
    const key = `${ns ?? '?'}:${local}`;
    if (visitor.open({ key, attributes: tag.attributes, resolve }, path) === false) return skipIt();
    path.push(key);
    opened.push(Open.Reported);
    declared.push(prefixes);
  });
  parser.on('closetag', () => {
    if (skip > 0) {
      skip--;
      return;
    }
    const kind = opened.pop();
    undeclare(declared.pop());
    if (kind === Open.Alternate) alternates.pop();
    if (kind !== Open.Reported) return;
    const key = path.pop()!;
    visitor.close(key, path);
  });
  const onText = (text: string) => {
    if (skip === 0) visitor.text(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const decoder = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8');
  for (let at = 0; at < bytes.length; at += CHUNK) parser.write(decoder.decode(bytes.subarray(at, at + CHUNK), { stream: true }));
  parser.write(decoder.decode());
  ending = true;
  parser.close();
  while (path.length > 0) {
    const key = path.pop()!;
    visitor.close(key, path);
  }
}
