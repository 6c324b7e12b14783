// Child process of the kill test (sqlite-kill.test.ts): imports the seeded synthetic set into the
// store file given, saying when the import starts and when it has committed.
import { syntheticEvents } from "../../lib/data/synthetic";
import { eventBodyOf } from "../../lib/store/from-files";
import { openSqliteStore } from "../../lib/store/sqlite/sqlite-store";

const [file, countArg] = process.argv.slice(2);
const store = openSqliteStore(file!);
const { article, events } = syntheticEvents(Number(countArg), 7);
const { textFile: _t, eventsFile: _e, ...input } = article;
console.log("importing");
await store.importData({ layers: [], articles: [input], events: events.map(eventBodyOf) }, { actor: "kill-test", mode: "merge" });
console.log("imported");
await store.close();
