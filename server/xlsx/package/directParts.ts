import { parseXml, type XmlElement } from './xmlTree';
import type { XlsxPackage } from './xlsxPackage';
import { unsupported } from './xmlBytes';

/**
 * The small parts of a workbook as the direct reader needs them, found and read the way exceljs finds and reads
 * them (fixed part names, element and attribute names matched as written), so that both readers see the same
 * workbook. What exceljs would choke on or read differently is `Unsupported`, and exceljs reads the workbook.
 */

/** A part's bytes under exactly this name (exceljs matches names case-sensitively), or null when absent. */
export async function partBytes(pkg: XlsxPackage, path: string): Promise<Buffer | null> {
  const entry = pkg.entry(path);
  if (!entry) return null;
  if (entry.name !== path) unsupported(`part name ${entry.name} differs in case`);
  const bytes = await pkg.read(path);
  if (bytes === null) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A small part's root element, or null when the part is absent. Any parse problem is exceljs's to judge. */
export async function partTree(pkg: XlsxPackage, path: string, root: string): Promise<XmlElement | null> {
  const bytes = await partBytes(pkg, path);
  if (bytes === null) return null;
  // exceljs decodes every part as UTF-8 and keeps a byte-order mark as a character; such parts go to it.
  if ((bytes[0] === 0xef && bytes[1] === 0xbb) || bytes[0] === 0xff || bytes[0] === 0xfe)
    unsupported(`byte-order mark in ${path}`);
  let element: XmlElement;
  try {
    element = parseXml(bytes.toString('utf8')).root;
  } catch {
    return unsupported(`${path} is not well-formed`);
  }
  if (element.name !== root) unsupported(`${path} has root ${element.name}`);
  return element;
}

/** Child elements named exactly `name` as written (no prefix resolution, as exceljs). */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of parent.children) if (child.kind === 'element' && child.name === name) out.push(child);
  return out;
}

export function childNamed(parent: XmlElement, name: string): XmlElement | undefined {
  return childrenNamed(parent, name)[0];
}

/** An attribute by its name as written (`r:id` is matched literally, as exceljs does). */
export function attrNamed(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.name === name)?.value;
}

/** Relationship targets by id, from a `.rels` part; exceljs keeps the last of two equal ids. */
export async function relTargets(pkg: XlsxPackage, path: string): Promise<Map<string, string | undefined>> {
  const targets = new Map<string, string | undefined>();
  const root = await partTree(pkg, path, 'Relationships');
  if (!root) return targets;
  for (const child of root.children) {
    if (child.kind !== 'element') continue;
    // exceljs refuses any other element in a relationships part.
    if (child.name !== 'Relationship') unsupported(`${child.name} in ${path}`);
    const id = attrNamed(child, 'Id');
    if (id === undefined) unsupported(`relationship without an id in ${path}`);
    targets.set(id, attrNamed(child, 'Target'));
  }
  return targets;
}

/** exceljs's own XML decoding, applied again to some values it has already had decoded (sheet names, `t="str"`). */
export function xmlDecodeTwice(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => XML_DECODE[c] ?? c);
}

const XML_DECODE: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&apos;': "'",
  '&quot;': '"',
};
