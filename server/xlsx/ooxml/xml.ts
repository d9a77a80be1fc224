/** Small, strict helpers for the few XML parts the writer edits as text (they are machine-written, flat XML). */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for an element or an attribute, and drops characters XML 1.0 cannot hold at all. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function esc(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Attributes of one start tag, unescaped only for the entities we write ourselves. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
    out.set(m[1] as string, unescape(m[2] as string));
  return out;
}

/** Text of an element or attribute as written: the five named entities and numeric references, in one pass. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : (NAMED[e] as string),
  );
}

/** Every self-closing or opening tag with this name: `<sheet .../>`, `<Relationship ...>`. */
export function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
}

/** Inserts `content` before the closing tag of `name` (which must exist). */
export function insertBeforeClose(xml: string, name: string, content: string): string {
  const close = `</${name}>`;
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Error(`no </${name}> in the part`);
  return xml.slice(0, at) + content + xml.slice(at);
}

/** Replaces (or adds) one attribute on the first `<name ...>` start tag. */
export function setAttr(xml: string, name: string, attr: string, value: string): string {
  return xml.replace(new RegExp(`<${name}\\b[^>]*>`), (tag) => {
    const re = new RegExp(`\\s${attr}="[^"]*"`);
    const next = `${attr}="${esc(value)}"`;
    return re.test(tag)
      ? tag.replace(re, ` ${next}`)
      : tag.replace(new RegExp(`^<${name}`), `<${name} ${next}`);
  });
}
