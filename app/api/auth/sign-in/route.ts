import { answer, json } from "@/lib/api/responses";
import { RequestError } from "@/lib/api/request-error";
import { checkSameOrigin } from "@/lib/auth/csrf";
import { readFields, safeNext } from "@/lib/auth/read-fields";
import { startSession } from "@/lib/auth/sessions";
import { checkSignIn, signInErrorCode } from "@/lib/auth/sign-in";
import { getStore } from "@/lib/store";

/**
 * Signs in with a name and password, from the sign-in page's form (answered with a redirect: to
 * `next` on success, back to the form with the message otherwise) or as JSON (200 with the user,
 * 401, 429 with Retry-After). Only from this server's own pages (Origin checked): another site
 * must not be able to sign a visitor in to an account of its choosing.
 */
export async function POST(request: Request) {
  let form = false;
  let next = "/";
  return answer(
    async () => {
      try {
        checkSameOrigin(request);
        const fields = await readFields(request);
        form = fields.form;
        next = safeNext(fields.values.next);
        const store = await getStore();
        const user = await checkSignIn(store, request, fields.values.name, fields.values.password);
        const cookies = await startSession(store, user, request);
        const headers = new Headers({ "cache-control": "no-store" });
        for (const c of cookies) headers.append("set-cookie", c);
        if (form) {
          headers.set("location", next);
          return new Response(null, { status: 303, headers });
        }
        headers.set("content-type", "application/json; charset=utf-8");
        return new Response(JSON.stringify({ user: { name: user.name, role: user.role } }), { status: 200, headers });
      } catch (error) {
        if (!(error instanceof RequestError)) throw error;
        if (!form) return error.response();
        // The form shows a message by its code: a link with free text in it could put words of an
        // attacker's choosing on Briefmap's own sign-in page.
        const retry = error.details.headers?.["retry-after"];
        const back = new URLSearchParams({ error: signInErrorCode(error), ...(retry ? { retry } : {}), ...(next !== "/" ? { next } : {}) });
        return new Response(null, { status: 303, headers: { location: `/sign-in?${back}`, "cache-control": "no-store", ...(retry ? { "retry-after": retry } : {}) } });
      }
    },
    { budget: false },
  );
}

export function GET() {
  return json({ error: { message: "sign in with POST (name, password), from the sign-in page or as JSON" } }, { status: 405, headers: { allow: "POST" } });
}
