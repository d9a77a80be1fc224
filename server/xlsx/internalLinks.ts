import JSZip from 'jszip';

/**
 * exceljs 4.4 writes an in-workbook link (`#'Budget'!F17`) both as an external relationship and as a
 * `location`, and Excel joins the two into `#'Budget'!F17##'Budget'!F17`, a link that goes nowhere
 * (exceljs issue #3027). Excel itself writes such a link as a `location` alone, so after exceljs has written
 * the file we rewrite every worksheet hyperlink whose relationship target starts with `#` that way.
 *
 * Only the affected sheet parts are inflated and rewritten; every other part keeps its compressed bytes.
 */
export async function repairInternalHyperlinks(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let repaired = false;
  for (const relsPath of Object.keys(zip.files)) {
    const match = /^xl\/worksheets\/_rels\/([^/]+\.xml)\.rels$/.exec(relsPath);
    if (!match?.[1]) continue;
    const sheetPath = `xl/worksheets/${match[1]}`;
    const rels = await zip.file(relsPath)?.async('string');
    const sheet = await zip.file(sheetPath)?.async('string');
    if (rels === undefined || sheet === undefined) continue;

    const targets = internalTargets(rels);
    if (targets.size === 0) continue;
    zip.file(relsPath, removeRelationships(rels, targets));
    zip.file(sheetPath, relocateHyperlinks(sheet, targets));
    repaired = true;
  }
  if (!repaired) return xlsx;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const RELATIONSHIP = /<Relationship\s[^>]*?\/>/g;
const HYPERLINK = /<hyperlink\s[^>]*?\/>/g;
const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Relationship id → link target without its `#`, still XML-escaped, for in-workbook hyperlinks. */
function internalTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const element of rels.match(RELATIONSHIP) ?? []) {
    const attrs = attributes(element);
    const target = attrs.get('Target');
    const id = attrs.get('Id');
    if (attrs.get('Type') === HYPERLINK_TYPE && id && target?.startsWith('#'))
      targets.set(id, target.slice(1));
  }
  return targets;
}

function removeRelationships(rels: string, targets: Map<string, string>): string {
  return rels.replace(RELATIONSHIP, (element) =>
    targets.has(attributes(element).get('Id') ?? '') ? '' : element,
  );
}

function relocateHyperlinks(sheet: string, targets: Map<string, string>): string {
  return sheet.replace(HYPERLINK, (element) => {
    const attrs = attributes(element);
    const target = targets.get(attrs.get('r:id') ?? '');
    if (target === undefined) return element;
    attrs.delete('r:id');
    attrs.set('location', target);
    const rendered = [...attrs].map(([name, value]) => ` ${name}="${value}"`).join('');
    return `<hyperlink${rendered}/>`;
  });
}

/** Attributes of one self-closing element as written by exceljs: double-quoted, values left escaped. */
function attributes(element: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [, name, value] of element.matchAll(/([\w:]+)="([^"]*)"/g)) {
    if (name !== undefined && value !== undefined) attrs.set(name, value);
  }
  return attrs;
}
