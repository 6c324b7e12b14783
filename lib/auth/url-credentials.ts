/** Briefmap API tokens start with this, so that logs, scanners and the URL check can recognise one. */
export const TOKEN_PREFIX = "bm_";

/** Query parameter names that would carry a credential. */
const CREDENTIAL_PARAMS = new Set(["token", "access_token", "api_token", "apikey", "api_key", "bearer", "auth", "authorization"]);

/**
 * Why a URL must be refused because it carries a credential, or undefined. URLs end up in logs,
 * browser history and Referer headers: tokens go in the Authorization header only.
 */
export function credentialInUrl(search: URLSearchParams, adminToken: string | undefined): string | undefined {
  for (const [name, value] of search) {
    const looksLikeToken = value.startsWith(TOKEN_PREFIX) && value.length >= 40;
    const isAdminToken = !!adminToken && adminToken.length >= 16 && value === adminToken;
    if (CREDENTIAL_PARAMS.has(name.toLowerCase()) || looksLikeToken || isAdminToken) {
      return `the URL carries a credential in "${name}": send tokens only in the Authorization: Bearer header, never in a URL (URLs are kept in logs and history)`;
    }
  }
  return undefined;
}
