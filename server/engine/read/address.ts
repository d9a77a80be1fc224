/** A1 addresses: the engine's only notion of "where", shared by every reader and message. */

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseAddress(a1: string): { col: number; row: number } {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(a1);
  if (!m) throw new RangeError(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

export function address(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}
