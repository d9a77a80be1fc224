import { SaxesParser } from 'saxes';

/**
 * The small parts of a workbook (workbook, relationships, content types, styles, tables) as a tree, parsed by a
 * real XML parser (saxes: namespace-aware, no DTD processing, so no entity expansion and no external entities),
 * edited as nodes and written back. Every node the writer does not touch is kept: unknown elements, extension
 * lists, comments, `mc:AlternateContent`. Names and values from the file are only ever compared as data.
 */

export interface XmlAttribute {
  /** As written, with its prefix: `r:id`. */
  name: string;
  local: string;
  /** Namespace URI; '' for an unprefixed attribute. */
  uri: string;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  /** As written, with its prefix: `x:sheet`. */
  name: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export type XmlNode =
  | XmlElement
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'pi'; target: string; body: string };

export interface XmlDocument {
  declaration: { version: string; standalone: string | undefined } | null;
  /** Comments, processing instructions and whitespace before the root element. */
  prolog: XmlNode[];
  root: XmlElement;
  epilog: XmlNode[];
}

export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * A parser that throws on the first error and refuses a DOCTYPE (OOXML forbids DTDs; they declare entities).
 * Namespaces are resolved by `parseXml` itself, from the declarations in scope: the same result as the parser's
 * own namespace mode, at about half the cost on a large styles part.
 */
export function strictParser(): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('error', (e) => {
    throw new XmlError(e.message);
  });
  parser.on('doctype', () => {
    throw new XmlError('a DOCTYPE is not allowed in a workbook part');
  });
  return parser;
}

function splitName(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon < 0
    ? { prefix: '', local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

export function parseXml(text: string): XmlDocument {
  const parser = strictParser();
  let declaration: XmlDocument['declaration'] = null;
  const prolog: XmlNode[] = [];
  const epilog: XmlNode[] = [];
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  // Namespace bindings in scope, one map per open element (shared with the parent's when it declares none).
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  const append = (node: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else (root ? epilog : prolog).push(node);
  };
  const resolve = (scope: Map<string, string>, prefix: string, isElement: boolean): string => {
    if (prefix === '' && !isElement) return '';
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix === '') return '';
      throw new XmlError(`the prefix "${prefix}" is not declared`);
    }
    return uri;
  };
  parser.on('xmldecl', (d) => {
    declaration = { version: d.version ?? '1.0', standalone: d.standalone };
  });
  parser.on('opentag', (tag) => {
    let scope = scopes[scopes.length - 1] as Map<string, string>;
    const names = Object.keys(tag.attributes);
    for (const name of names) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        scope.set(name === 'xmlns' ? '' : name.slice(6), tag.attributes[name] as string);
      }
    }
    scopes.push(scope);
    const { prefix, local } = splitName(tag.name);
    const element: XmlElement = {
      kind: 'element',
      name: tag.name,
      local,
      uri: resolve(scope, prefix, true),
      attributes: names.map((name) => {
        const value = tag.attributes[name] as string;
        if (name === 'xmlns') return { name, local: 'xmlns', uri: XMLNS, value };
        const a = splitName(name);
        return {
          name,
          local: a.local,
          uri: a.prefix === 'xmlns' ? XMLNS : resolve(scope, a.prefix, false),
          value,
        };
      }),
      children: [],
    };
    if (stack.length === 0) root = element;
    else append(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
    scopes.pop();
  });
  parser.on('text', (text) => append({ kind: 'text', text }));
  parser.on('cdata', (text) => append({ kind: 'cdata', text }));
  parser.on('comment', (text) => append({ kind: 'comment', text }));
  parser.on('processinginstruction', (pi) => append({ kind: 'pi', target: pi.target, body: pi.body }));
  parser.write(text).close();
  if (!root) throw new XmlError('no root element');
  return { declaration, prolog, root, epilog };
}

// ---------------------------------------------------------------------------------------------------------
// Writing back. One canonical form, so a part the writer wrote reads and writes back to the same bytes.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] as string);
export const escapeAttr = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] as string);

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [];
  if (doc.declaration) {
    const standalone = doc.declaration.standalone ? ` standalone="${doc.declaration.standalone}"` : '';
    // Parts are written as UTF-8 whatever they were read as.
    out.push(`<?xml version="${doc.declaration.version}" encoding="UTF-8"${standalone}?>`);
  }
  for (const node of doc.prolog) writeNode(node, out);
  writeNode(doc.root, out);
  for (const node of doc.epilog) writeNode(node, out);
  return out.join('');
}

/** A start tag alone (`<sst a="1">`), for parts whose body is kept as text. */
export function startTag(element: XmlElement, selfClosing = false): string {
  return `<${element.name}${element.attributes.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('')}${selfClosing ? '/>' : '>'}`;
}

function writeNode(node: XmlNode, out: string[]): void {
  switch (node.kind) {
    case 'text':
      out.push(escapeText(node.text));
      return;
    case 'cdata':
      out.push(`<![CDATA[${node.text}]]>`);
      return;
    case 'comment':
      out.push(`<!--${node.text}-->`);
      return;
    case 'pi':
      out.push(`<?${node.target}${node.body ? ` ${node.body}` : ''}?>`);
      return;
    case 'element':
      if (node.children.length === 0) {
        out.push(startTag(node, true));
        return;
      }
      out.push(startTag(node));
      // Iterative over siblings, recursive only in depth (workbook parts are shallow).
      for (const child of node.children) writeNode(child, out);
      out.push(`</${node.name}>`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading and editing nodes.

export function elements(parent: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of parent.children)
    if (c.kind === 'element' && (local === undefined || c.local === local)) out.push(c);
  return out;
}

export function firstElement(parent: XmlElement, local: string): XmlElement | undefined {
  for (const c of parent.children) if (c.kind === 'element' && c.local === local) return c;
  return undefined;
}

/** An attribute's value by local name (and namespace: '' for an unprefixed one). */
export function attr(element: XmlElement, local: string, uri = ''): string | undefined {
  for (const a of element.attributes) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

/** An attribute in any of several namespaces (transitional and strict OOXML name the same thing twice). */
export function attrIn(element: XmlElement, local: string, uris: readonly string[]): string | undefined {
  for (const a of element.attributes) if (a.local === local && uris.includes(a.uri)) return a.value;
  return undefined;
}

/** Sets an unprefixed attribute, in place if present, else last. */
export function setAttr(element: XmlElement, local: string, value: string): void {
  const found = element.attributes.find((a) => a.local === local && a.uri === '');
  if (found) found.value = value;
  else element.attributes.push({ name: local, local, uri: '', value });
}

export function textOf(element: XmlElement): string {
  let text = '';
  for (const c of element.children) {
    if (c.kind === 'text' || c.kind === 'cdata') text += c.text;
    else if (c.kind === 'element') text += textOf(c);
  }
  return text;
}

/** A new element in the namespace (and with the prefix) of `like`, so it reads as its sibling would. */
export function newElement(
  like: XmlElement,
  local: string,
  attributes: [string, string][] = [],
  children: XmlNode[] = [],
): XmlElement {
  const colon = like.name.indexOf(':');
  return {
    kind: 'element',
    name: colon < 0 ? local : `${like.name.slice(0, colon + 1)}${local}`,
    local,
    uri: like.uri,
    attributes: attributes.map(([name, value]) => ({ name, local: name, uri: '', value })),
    children,
  };
}

/**
 * The prefix bound to `uri` on the root (declared there as `preferred`, or a free variant, when it is not):
 * new attributes in that namespace, like a sheet's `r:id`, use whatever prefix this workbook uses.
 */
export function prefixFor(root: XmlElement, uri: string, preferred: string): string {
  for (const a of root.attributes)
    if (a.uri === XMLNS && a.local !== 'xmlns' && a.value === uri) return a.local;
  const taken = new Set(root.attributes.filter((a) => a.uri === XMLNS).map((a) => a.local));
  let prefix = preferred;
  for (let n = 2; taken.has(prefix); n++) prefix = `${preferred}${n}`;
  root.attributes.push({ name: `xmlns:${prefix}`, local: prefix, uri: XMLNS, value: uri });
  return prefix;
}

/** An attribute in a namespace, under the prefix the root binds it to. */
export function namespacedAttr(
  root: XmlElement,
  uri: string,
  preferred: string,
  local: string,
  value: string,
): XmlAttribute {
  const prefix = prefixFor(root, uri, preferred);
  return { name: `${prefix}:${local}`, local, uri, value };
}

/**
 * What an element means, independent of attribute order, prefixes and whitespace: two fonts (or cell formats)
 * with equal keys look the same in Excel, so one can stand for the other.
 */
export function meaningKey(element: XmlElement): string {
  const attributes = element.attributes
    .filter((a) => a.uri !== XMLNS)
    .map((a) => `${a.uri}|${a.local}=${a.value}`)
    .sort();
  const children = element.children.flatMap((c) =>
    c.kind === 'element'
      ? [meaningKey(c)]
      : c.kind === 'text' && c.text.trim() === ''
        ? []
        : [JSON.stringify(c)],
  );
  return `<${element.uri}|${element.local} ${attributes.join(' ')}>${children.join('')}</>`;
}

export function cloneElement(element: XmlElement): XmlElement {
  return {
    ...element,
    attributes: element.attributes.map((a) => ({ ...a })),
    children: element.children.map((c) => (c.kind === 'element' ? cloneElement(c) : { ...c })),
  };
}

/**
 * Elements written as text (`<border><top style="thin"/></border>`), in the namespace of `like` and with its
 * prefix, ready to be appended beside it. Only for markup the writer itself spells out, never file content.
 */
export function fragment(like: XmlElement, xml: string): XmlElement {
  const wrapper = parseXml(`<w xmlns="${escapeAttr(like.uri)}">${xml}</w>`).root;
  const element = elements(wrapper)[0];
  if (!element) throw new XmlError('empty fragment');
  const colon = like.name.indexOf(':');
  const prefix = colon < 0 ? '' : like.name.slice(0, colon + 1);
  const rename = (e: XmlElement): XmlElement => ({
    ...e,
    name: e.uri === like.uri ? `${prefix}${e.local}` : e.name,
    children: e.children.map((c) => (c.kind === 'element' ? rename(c) : c)),
  });
  return rename(element);
}
