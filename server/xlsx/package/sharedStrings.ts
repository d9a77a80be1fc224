import { streamXml, type StreamTag } from './xmlStream';
import type { XmlElement } from './xmlTree';

/**
 * The shared strings part, read as a stream (it can hold many megabytes): how many entries it has, which text
 * each plain entry holds, and the root element. Every `<si>` is one entry, empty (`<si/>`) or not, so indexes
 * never shift.
 */
export interface SharedStringsScan {
  /** The number of `<si>` entries: the index the next one gets. */
  count: number;
  /** Each entry's text (runs joined, phonetic guides left out), when asked for. */
  texts: string[];
  /** Text → index of the first entry that is that text alone (one `<t>`, no runs): reusable for an output cell. */
  plain: Map<string, number>;
  /** The `<sst>` start tag, as parsed. */
  root: XmlElement;
}

export function scanSharedStrings(
  xml: string,
  want: { texts?: boolean; plain?: boolean } = {},
): SharedStringsScan {
  const scan: SharedStringsScan = {
    count: 0,
    texts: [],
    plain: new Map(),
    root: { kind: 'element', name: 'sst', local: 'sst', uri: '', attributes: [], children: [] },
  };
  const path: string[] = [];
  let text = '';
  let collecting = false;
  let children = 0;
  let simple = true;
  let preserved = false;
  streamXml(xml, {
    open: (tag: StreamTag) => {
      const depth = path.length;
      if (depth === 0) {
        // Enough to write the start tag back: names as written, values; no namespace is needed for that.
        scan.root = {
          kind: 'element',
          name: tag.name,
          local: tag.local,
          uri: '',
          attributes: Object.entries(tag.attributes).map(([name, value]) => ({
            name,
            local: name,
            uri: '',
            value,
          })),
          children: [],
        };
      } else if (depth === 1 && tag.local === 'si') {
        text = '';
        children = 0;
        simple = true;
        preserved = false;
      } else if (depth === 2 && path[1] === 'si') {
        children += 1;
        if (tag.local !== 't') simple = false;
        preserved = tag.attributes['xml:space'] === 'preserve';
      }
      // Text counts inside <si><t> and <si><r><t>; never inside a phonetic guide (<rPh>).
      collecting =
        tag.local === 't' &&
        (path[depth - 1] === 'si' || (path[depth - 1] === 'r' && path[depth - 2] === 'si'));
      path.push(tag.local);
    },
    text: (t) => {
      if (collecting) text += t;
    },
    close: (tag: StreamTag) => {
      path.pop();
      if (tag.local === 't') collecting = false;
      if (path.length === 1 && tag.local === 'si') {
        if (want.texts) scan.texts.push(text);
        // Leading or trailing spaces are kept only under xml:space="preserve"; without it, such an entry is
        // not reused (another reader could trim them).
        const exact = preserved || text === text.trim();
        if (want.plain && simple && children === 1 && exact && !scan.plain.has(text))
          scan.plain.set(text, scan.count);
        scan.count += 1;
      }
    },
  });
  return scan;
}
