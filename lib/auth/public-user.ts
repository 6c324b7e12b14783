import type { User } from "@/lib/store/store";

/** What the API shows of a user: never the password hash or the name key. */
export const publicUser = (u: User) => ({ name: u.name, role: u.role, createdAt: u.createdAt });
