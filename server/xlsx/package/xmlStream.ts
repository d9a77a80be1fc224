import { strictParser } from './xmlTree';

/**
 * A large part (shared strings, a sheet body) read as a stream of events, never as a tree: the same parser as
 * the small parts, fed a slice at a time, so a reader that has what it needs can stop early. Namespaces are not
 * resolved here: these parts are matched by local name, whatever prefix they use.
 */

export interface StreamTag {
  /** As written: `x:c`. */
  name: string;
  /** Without its prefix: `c`. */
  local: string;
  /** Attribute values by name as written (`r`, `t`, `xml:space`). */
  attributes: Record<string, string>;
}

export interface XmlEvents {
  open?(tag: StreamTag): void;
  close?(tag: StreamTag): void;
  text?(text: string): void;
}

const SLICE = 1 << 18;

const localOf = (name: string) => name.slice(name.indexOf(':') + 1);

/** Feeds `text` to the handlers; stops (without an error) after the slice in which `done()` became true. */
export function streamXml(text: string, events: XmlEvents, done: () => boolean = () => false): void {
  const parser = strictParser();
  const { open, close } = events;
  if (open)
    parser.on('opentag', (t) => open({ name: t.name, local: localOf(t.name), attributes: t.attributes }));
  if (close)
    parser.on('closetag', (t) => close({ name: t.name, local: localOf(t.name), attributes: t.attributes }));
  if (events.text) {
    parser.on('text', events.text);
    parser.on('cdata', events.text);
  }
  for (let at = 0; at < text.length;) {
    let end = Math.min(text.length, at + SLICE);
    // Never split a surrogate pair between two writes.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parser.write(text.slice(at, end));
    at = end;
    if (done()) return;
  }
  parser.close();
}
