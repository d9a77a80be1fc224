/**
 * Treasury Account Symbols. A TAS is written out the way Treasury and USAspending display it:
 * `[ATA-]AID-{X | BPOA/EPOA}-MAIN-SUB`, e.g. `047-X-4542-000` (no-year) or `075-2024/2025-0515-000`, with the
 * allocation transfer agency first when there is one. That text is the TAS's identity here: Throughline has no
 * Treasury account list, so two rows share a TAS when their padded components render the same.
 */

export interface TasParts {
  ata: string;
  aid: string;
  bpoa: string;
  epoa: string;
  availability: string;
  main: string;
  sub: string;
}

/** Digits padded with leading zeros as the broker pads them (`47` → `047`); anything else as typed. */
export function padCode(text: string, width: number): string {
  return /^\d+$/.test(text) && text.length < width ? text.padStart(width, '0') : text;
}

export function renderTas(p: TasParts): string {
  const period = p.availability ? p.availability.toUpperCase() : [p.bpoa, p.epoa].filter(Boolean).join('/');
  return [p.ata, p.aid, period, p.main, p.sub].filter(Boolean).join('-');
}

/** The federal account a TAS belongs to, as USAspending names it: agency identifier and main account, `047-4542`. */
export function federalAccount(p: Pick<TasParts, 'aid' | 'main'>): string {
  return `${p.aid}-${p.main}`;
}

const TAS_TEXT = /^(?:(\d{3})-)?(\d{3})-([A-Z]|\d{4}(?:\/\d{4})?)-(\d{4})-(\d{3})$/i;

/** A TAS written out (`047-X-4542-000`, `011-047-2024/2025-0100-000`) into its parts; null when it is not one. */
export function parseTas(text: string): TasParts | null {
  const m = TAS_TEXT.exec(text.trim());
  if (!m) return null;
  const [, ata = '', aid = '', period = '', main = '', sub = ''] = m;
  const letter = /^[A-Z]$/i.test(period);
  const [bpoa = '', epoa = ''] = letter ? [] : period.split('/');
  return { ata, aid, bpoa, epoa, availability: letter ? period.toUpperCase() : '', main, sub };
}
