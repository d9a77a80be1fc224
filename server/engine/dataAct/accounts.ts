import { padCode, parseTas, renderTas } from './tas';

/**
 * Whether a Crosswalk row's Account names a Budget line's account. A Budget derived from File B names each line
 * by its TAS (`047-X-4542-000`); a budget officer maps at whichever level they decide at, so the Crosswalk may
 * name the TAS itself or its federal account (`047-4542`: agency identifier and main account, every period of
 * availability and sub-account). Any other account text matches only itself (trimmed, any case); OMB's account
 * form (`023-05-4542`) is not related to a TAS here, since that needs OMB's account list.
 */
export function accountMatches(crosswalkAccount: string, budgetAccount: string): boolean {
  const wanted = crosswalkAccount.trim().toUpperCase();
  const account = budgetAccount.trim().toUpperCase();
  if (wanted === account) return true;
  const tas = parseTas(account);
  if (!tas) return false;
  const wantedTas = parseTas(wanted);
  if (wantedTas) return renderTas(wantedTas) === renderTas(tas);
  const federal = /^(\d{1,3})-(\d{1,4})$/.exec(wanted);
  return (
    federal !== null && padCode(federal[1] ?? '', 3) === tas.aid && padCode(federal[2] ?? '', 4) === tas.main
  );
}

/**
 * Whether a Crosswalk row's Program Activity names a Budget line's: by code (`0001`, or `1` as Excel shows a
 * code typed as a number) or by name, any case.
 */
export function programActivityMatches(
  crosswalkActivity: string,
  budgetActivity: string,
  budgetActivityTitle: string,
): boolean {
  const wanted = crosswalkActivity.trim().toUpperCase();
  if (wanted === '') return false;
  const code = budgetActivity.trim().toUpperCase();
  if (wanted === code || padCode(wanted, 4) === padCode(code, 4)) return true;
  return wanted === budgetActivityTitle.trim().toUpperCase();
}
