/**
 * What an account identifier says about the account. Budget offices type accounts in three forms: OMB's
 * `023-05-4542` (agency, bureau, account), a Treasury Account Symbol `047-X-4542-000` (agency, availability,
 * main account, sub-account) and a federal account `047-4542`. The main account is the last four-digit part
 * after the agency code, in all three.
 */
export function mainAccountOf(account: string): number | null {
  const parts = account.trim().split('-');
  let main: number | null = null;
  for (const part of parts.slice(1)) if (/^\d{4}$/.test(part)) main = Number(part);
  return main;
}

/**
 * Revolving, management and working capital funds (main accounts 4000–4999) are financed by offsetting
 * collections from other accounts, so their net budget authority and net outlays are near zero while they
 * obligate billions.
 */
export function isRevolvingFund(account: string): boolean {
  const main = mainAccountOf(account);
  return main !== null && main >= 4000 && main <= 4999;
}
