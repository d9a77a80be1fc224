/** Text the writer puts into XML it spells out itself (output sheets, table parts, new shared strings). */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A parser reads a raw carriage return as a line feed; as a reference it stays what it was.
  '\r': '&#13;',
};

/** Escapes text for an element or an attribute, and drops characters XML 1.0 cannot hold at all. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- the same, to test (no `g`: a test must not carry state)
const HAS_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function esc(text: string): string {
  return xmlText(text).replace(/[&<>"'\r]/g, (c) => ESCAPES[c] as string);
}

// eslint-disable-next-line no-control-regex -- what esc changes: markup characters and what XML cannot hold
const NEEDS_ESCAPE = /[&<>"'\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** True when esc would change the text; nearly every text is clean and is written as it is. */
export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** The text as XML can hold it, which is what any reader will read back. */
export function xmlText(text: string): string {
  // Nearly every text is clean; testing first spares a copy of each.
  return HAS_NOT_XML.test(text) ? text.replace(NOT_XML, '') : text;
}
