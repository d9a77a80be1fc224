/**
 * The production manifest: the top-level manifest.xml points at https://localhost:3000 (a developer's
 * machine); a build for a real host replaces that origin everywhere it appears.
 */
export const DEV_ORIGIN = 'https://localhost:3000';

/** `https://budget.example.gov` or `https://host:8443`, no path: what TL_ADDIN_HOST must be. */
export function addinOrigin(host: string | undefined): string {
  if (host === undefined || host.trim() === '') return DEV_ORIGIN;
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    throw new Error(
      `TL_ADDIN_HOST must be an https origin such as https://budget.example.gov; got "${host}".`,
    );
  }
  if (url.protocol !== 'https:' || `${url.origin}/` !== url.href)
    throw new Error(
      `TL_ADDIN_HOST must be an https origin (Office loads add-ins over HTTPS only), with no path; got "${host}".`,
    );
  return url.origin;
}

export function manifestFor(template: string, host: string | undefined): string {
  const origin = addinOrigin(host);
  if (!template.includes(DEV_ORIGIN)) throw new Error(`manifest.xml no longer mentions ${DEV_ORIGIN}.`);
  return template.split(DEV_ORIGIN).join(origin);
}
