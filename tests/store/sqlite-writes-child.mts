// Child process of the kill test (sqlite-kill.test.ts): writes events one by one, each its own
// transaction, and prints each id once its write has returned.
import { openSqliteStore } from "../../lib/store/sqlite/sqlite-store";
import { article, event } from "./contract-fixtures";

const store = openSqliteStore(process.argv[2]!);
const sentences = Array.from({ length: 5000 }, (_, i) => `Write number ${i} happened.`);
const a = article("stream", sentences);
await store.createArticle(a.input, { actor: "stream" });
console.log("writing");
for (let i = 0; i < sentences.length; i++) {
  await store.createEvent(event({ id: `w-${i}`, article: "stream", sources: [a.quote(i)], where: { name: `Place ${i}`, point: [35 + i / 10_000, 33] } }), { actor: "stream" });
  console.log(`w-${i}`);
}
