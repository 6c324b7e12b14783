import { eventKind } from "@/lib/api/writes/kinds";
import { patch, read, remove, replace } from "@/lib/api/writes/handlers";

/** One event in its data/ form with its ETag; PUT, PATCH (merge patch) and DELETE need the admin token. */
export const GET = read(eventKind);
export const PUT = replace(eventKind);
export const PATCH = patch(eventKind);
export const DELETE = remove(eventKind);
