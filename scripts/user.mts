// Manages accounts in the store (BRIEFMAP_DATABASE_URL, default .briefmap/briefmap.sqlite), for the
// first admin and for teams without the admin page:
//   npm run user -- add NAME [--role viewer|editor|admin]   (default viewer)
//   npm run user -- role NAME --role R
//   npm run user -- reset NAME                              (new password; the user's sessions end)
//   npm run user -- remove NAME
//   npm run user -- list
// Passwords are read from standard input (prompted, without echo, on a terminal), never from the
// command line, where other users of the machine and the shell history would see them.
import { createInterface } from "node:readline";
import { RequestError } from "../lib/api/request-error";
import { addUser, removeUser, resetPassword, setUserRole } from "../lib/auth/manage";
import { openStore } from "../lib/store/open";
import type { Store } from "../lib/store/store";

const USAGE = "usage: npm run user -- add|remove|role|reset NAME [--role viewer|editor|admin] | list";

function parse(argv: string[]): { command?: string; name?: string; role?: string; problem?: string } {
  const out: { command?: string; name?: string; role?: string; problem?: string } = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--role") out.role = argv[++i];
    else if (a.startsWith("--role=")) out.role = a.slice("--role=".length);
    else if (a.startsWith("--password")) out.problem = "passwords are never taken on the command line: pipe it on standard input or type it when asked";
    else if (a.startsWith("--")) out.problem = `unknown option ${a}`;
    else positional.push(a);
  }
  [out.command, out.name] = positional;
  if (positional.length > 2) out.problem ??= `unexpected argument ${positional[2]}`;
  return out;
}

/** The password: typed twice without echo on a terminal, else the first line of standard input. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? "";
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
      // Echo the prompt, not what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => (s.startsWith(q) ? write(q) : undefined);
      rl.question(q, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  const again = await ask("Again: ");
  if (first !== again) throw new RequestError(400, "the two passwords differ", { field: "password" });
  return first;
}

/** Who the audit log names for changes made here. */
const BY = `npm run user (${process.env.USER ?? "cli"})`;

async function run(store: Store, args: ReturnType<typeof parse>): Promise<string> {
  switch (args.command) {
    case "add": {
      const user = await addUser(store, args.name, args.role ?? "viewer", await readPassword(`Password for ${args.name}: `), BY);
      return `added ${user.name} (${user.role})`;
    }
    case "role": {
      if (!args.role) throw new RequestError(400, "say which role: --role viewer|editor|admin", { field: "role" });
      const user = await setUserRole(store, args.name, args.role, BY);
      return `${user.name} is now ${user.role}`;
    }
    case "reset": {
      const user = await resetPassword(store, args.name, await readPassword(`New password for ${args.name}: `), BY);
      return `new password set for ${user.name}; their sessions have ended`;
    }
    case "remove": {
      const user = await removeUser(store, args.name, BY);
      return `removed ${user.name} with their sessions and tokens`;
    }
    case "list": {
      const users = await store.accounts.users();
      return users.length ? users.map((u) => `${u.name}\t${u.role}\tsince ${u.createdAt.slice(0, 10)}`).join("\n") : "no users yet";
    }
    default:
      throw new RequestError(2, args.command ? `unknown command "${args.command}"` : "say what to do");
  }
}

const args = parse(process.argv.slice(2));
if (args.problem || !args.command || (args.command !== "list" && !args.name)) {
  console.error(`${args.problem ? `${args.problem}\n` : ""}${USAGE}`);
  process.exit(2);
}
let store: Store | undefined;
try {
  store = await openStore(process.env.BRIEFMAP_DATABASE_URL);
  console.log(await run(store, args));
} catch (error) {
  // By name, not instanceof: tsx may load lib/ once per import path ("@/…" and "../lib/…").
  const named = (error as Error).name;
  if (named === "RequestError") {
    const e = error as RequestError;
    console.error(`${e.details.field ? `${e.details.field}: ` : ""}${e.message}`);
    if (e.status === 2) console.error(USAGE);
    process.exitCode = e.status === 2 ? 2 : 1;
  } else if (named === "StoreError") {
    console.error((error as Error).message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await store?.close();
}
