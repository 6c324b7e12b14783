import { answer } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { CSRF_HEADER } from "@/lib/auth/cookies";
import { checkCsrfToken, checkSameOrigin } from "@/lib/auth/csrf";
import { readFields } from "@/lib/auth/read-fields";
import { endSession, sessionOf } from "@/lib/auth/sessions";
import { getStore } from "@/lib/store";

/**
 * Signs out: the session is deleted on the server (its cookie is worthless from then on, even if
 * kept) and both cookies are cleared. From the header's form (redirect to the sign-in page) or
 * with writeFetch (204). Same CSRF rules as any cookie-authenticated write.
 */
export async function POST(request: Request) {
  return answer(
    async () => {
      const form = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
      try {
        checkSameOrigin(request);
        const store = await getStore();
        const session = await sessionOf(store, request.headers.get("cookie"));
        const csrf = form ? (await readFields(request)).values.csrf : request.headers.get(CSRF_HEADER);
        if (session) checkCsrfToken(csrf, session.csrf);
        const headers = new Headers({ "cache-control": "no-store" });
        for (const c of await endSession(store, request)) headers.append("set-cookie", c);
        if (form) {
          headers.set("location", "/sign-in?signed-out=1");
          return new Response(null, { status: 303, headers });
        }
        return new Response(null, { status: 204, headers });
      } catch (error) {
        if (error instanceof RequestError) return error.response();
        throw error;
      }
    },
    { budget: false },
  );
}
