/**
 * The digest a page's error carries when the data store cannot be reached. Next keeps a digest set
 * on a thrown error (and replaces the message in production), so the error page can say what
 * happened without showing any internals. Client-safe: app/error.tsx reads it.
 */
export const STORE_UNAVAILABLE = "briefmap-store-unavailable";
