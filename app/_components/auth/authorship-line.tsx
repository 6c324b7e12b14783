"use client";

import useSWR from "swr";
import type { Authorship } from "@/lib/store/accounts";
import { useAccount } from "./use-account";

async function fetchAuthorship(url: string): Promise<Authorship | null> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  return response.ok ? ((await response.json()) as Authorship) : null;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * "Added by … on …, last edited by … on …" for an event, article or layer, from the audit log.
 * Shown to signed-in colleagues only; nothing when the thing came from an import of files
 * (the files are its record) or nobody is signed in.
 */
export function AuthorshipLine({ entity, id, className }: { entity: "event" | "article" | "layer"; id: string; className?: string }) {
  const { account } = useAccount();
  const { data } = useSWR(account ? `/api/auth/authorship?${new URLSearchParams({ entity, id })}` : null, fetchAuthorship);
  if (!data || (!data.added && !data.edited)) return null;
  const parts: string[] = [];
  if (data.added) parts.push(`added by ${data.added.by} on ${day(data.added.at)}`);
  if (data.edited) parts.push(`last edited by ${data.edited.by} on ${day(data.edited.at)}`);
  const text = parts.join(", ");
  return (
    <p className={className} data-testid="authorship">
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </p>
  );
}
