"use client";

import useSWR from "swr";
import { canWrite, type Role } from "@/lib/auth/roles";

export type Account = { name: string; role: Role };

async function fetchAccount(url: string): Promise<Account | null> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { user: Account | null }).user;
}

/**
 * Who is signed in, for client components: `account` (null when signed out, undefined while
 * loading) and `canWrite` to decide whether editing controls are drawn. The server checks every
 * write again; this only spares people controls they cannot use.
 */
export function useAccount(): { account: Account | null | undefined; canWrite: boolean } {
  const { data } = useSWR("/api/auth/me", fetchAccount, { revalidateOnFocus: true, shouldRetryOnError: false });
  return { account: data, canWrite: canWrite(data?.role) };
}
