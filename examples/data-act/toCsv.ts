/** Rows of cells as CSV text (RFC 4180 quoting), for the example files. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const quote = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
