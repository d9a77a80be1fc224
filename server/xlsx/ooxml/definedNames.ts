/**
 * Which sheets a defined name's formula refers to, read token by token as Excel writes them: `Issues!$A$1`,
 * `'Cost Pools'!A1`, `'It''s'!A1`, 3-D ranges `Jan:Mar!B2`. Text in string literals and references into other
 * workbooks (`[1]Issues!A1`) are not references to this workbook's sheets. The writer uses this to tell
 * `x = Issues!$A$1` (refers to the Issues sheet) from `MyList = OpenIssues!$A$1` (does not).
 */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  let external = false;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      i = afterString(formula, i);
      continue;
    }
    if (ch === '[') {
      // An external workbook's index or name: the sheet name after it belongs to that workbook.
      const close = formula.indexOf(']', i);
      i = close < 0 ? formula.length : close + 1;
      external = true;
      continue;
    }
    if (ch === "'") {
      const { name, end } = quotedName(formula, i);
      if (formula[end] === '!' && !name.includes('[') && !external)
        for (const n of splitRange(name)) out.push(n);
      external = false;
      i = end;
      continue;
    }
    if (isNameChar(ch)) {
      let end = i;
      while (end < formula.length && (isNameChar(formula[end] as string) || formula[end] === ':')) end++;
      if (formula[end] === '!' && !external) for (const n of splitRange(formula.slice(i, end))) out.push(n);
      external = false;
      i = end;
      continue;
    }
    external = false;
    i++;
  }
  return out;
}

/** A sheet name cannot hold `:`, so `Jan:Mar` is the two ends of a 3-D reference. */
const splitRange = (name: string) => name.split(':').filter((n) => n !== '');

function afterString(formula: string, start: number): number {
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === '"') {
      if (formula[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

function quotedName(formula: string, start: number): { name: string; end: number } {
  let name = '';
  let i = start + 1;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === "'") {
      if (formula[i + 1] === "'") {
        name += "'";
        i += 2;
        continue;
      }
      return { name, end: i + 1 };
    }
    name += ch;
    i++;
  }
  return { name, end: i };
}

/** Characters of an unquoted sheet name or of a function or cell token: letters, digits, `_`, `.`, non-ASCII. */
function isNameChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c >= 0x80
  );
}
