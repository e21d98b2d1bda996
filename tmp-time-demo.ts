import { loadEventsDemo } from "./demo/events.ts";
import { loadOrganisationsDemo } from "./demo/registers/organisations.ts";
import { loadPeopleDemo } from "./demo/registers/people.ts";
import { loadDemoUsers } from "./demo/users.ts";
import { openDatabase } from "./src/server/db/client.ts";
import { ensureActivityTypes } from "./src/server/modules/activities/activity-types.service.ts";

let t = Date.now();
const database = await openDatabase({ kind: "pglite" });
await loadDemoUsers(database.db);
await ensureActivityTypes(database.db);
console.log("open+users", Date.now() - t);
t = Date.now();
await loadOrganisationsDemo(database.db);
await loadPeopleDemo(database.db);
console.log("orgs", Date.now() - t);
t = Date.now();
await loadEventsDemo(database.db);
console.log("events", Date.now() - t);
