/**
 * The `Content-Disposition` of a workbook sent back for download. A name in plain ASCII goes as it is; any
 * other (`Budget é 2024`, `预算`) goes both as RFC 6266's `filename*` in UTF-8, which browsers prefer, and as
 * an ASCII `filename` with `_` for each character it cannot hold, for clients that know only that.
 */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  if (ascii === filename) return `attachment; filename="${filename}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

/** Percent-encoded UTF-8, leaving only RFC 5987's attr-char unescaped (encodeURIComponent also leaves `'()*`). */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
