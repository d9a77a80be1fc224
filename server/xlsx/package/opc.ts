import { attr, elements, type XmlDocument } from './xmlTree';

/**
 * The Open Packaging Conventions around the parts: relationships (which part points at which) and content types
 * (what each part is). Part paths here are zip entry names (`xl/worksheets/sheet1.xml`, no leading slash).
 */

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** Relationship types by their last segment, in both the transitional and the strict namespace. */
export const REL = {
  officeDocument: 'officeDocument',
  worksheet: 'worksheet',
  table: 'table',
  styles: 'styles',
  sharedStrings: 'sharedStrings',
  calcChain: 'calcChain',
} as const;

export const REL_TYPE_URI = (kind: keyof typeof REL) => `${REL_NS}/${REL[kind]}`;
export const RELATIONSHIPS_NS = [REL_NS, STRICT_REL_NS] as const;

export function isRelType(type: string, kind: keyof typeof REL): boolean {
  return type === `${REL_NS}/${REL[kind]}` || type === `${STRICT_REL_NS}/${REL[kind]}`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target as a part path, or null for an external target or one outside the package. */
  path: string | null;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package itself (``) → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/**
 * A relationship target resolved against its source part: `worksheets/sheet1.xml` from `xl/workbook.xml` is
 * `xl/worksheets/sheet1.xml`; `/xl/x.xml` is absolute. A target that climbs out of the package is null.
 */
export function resolveTarget(source: string, target: string): string | null {
  const parts = target.startsWith('/')
    ? []
    : folderOf(source)
        .split('/')
        .filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/** A path from `source`'s folder to `part`, as a relationship target (`worksheets/sheet4.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source)
    .split('/')
    .filter((s) => s !== '');
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function readRelationships(doc: XmlDocument, source: string): Relationship[] {
  return elements(doc.root, 'Relationship').map((r) => {
    const target = attr(r, 'Target') ?? '';
    const external = attr(r, 'TargetMode') === 'External';
    return {
      id: attr(r, 'Id') ?? '',
      type: attr(r, 'Type') ?? '',
      target,
      external,
      path: external ? null : resolveTarget(source, target),
    };
  });
}

/** What [Content_Types].xml says each part is: an override by part name, else a default by extension. */
export class ContentTypes {
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(doc: XmlDocument) {
    for (const o of elements(doc.root, 'Override'))
      this.overrides.set(
        (attr(o, 'PartName') ?? '').replace(/^\//, '').toLowerCase(),
        attr(o, 'ContentType') ?? '',
      );
    for (const d of elements(doc.root, 'Default'))
      this.defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
  }

  of(part: string): string | undefined {
    const override = this.overrides.get(part.toLowerCase());
    if (override !== undefined) return override;
    const dot = part.lastIndexOf('.');
    return dot < 0 ? undefined : this.defaults.get(part.slice(dot + 1).toLowerCase());
  }

  /** Every content type named anywhere, overrides and defaults. */
  all(): string[] {
    return [...this.overrides.values(), ...this.defaults.values()];
  }
}
