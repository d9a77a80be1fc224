import type { SaxesTagNS } from 'saxes';
import { strictParser } from './xmlTree';

/**
 * A large part (shared strings, a sheet body) read as a stream of events, never as a tree: the same parser as
 * the small parts, fed a slice at a time, so a reader that has what it needs can stop early.
 */

export interface XmlEvents {
  open?(tag: SaxesTagNS): void;
  close?(tag: SaxesTagNS): void;
  text?(text: string): void;
}

const SLICE = 1 << 16;

/** Feeds `text` to the handlers; stops (without an error) after the slice in which `done()` became true. */
export function streamXml(text: string, events: XmlEvents, done: () => boolean = () => false): void {
  const parser = strictParser();
  if (events.open) parser.on('opentag', events.open);
  if (events.close) parser.on('closetag', events.close);
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
