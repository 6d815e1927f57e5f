import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { storageFaultOf } from "@/lib/storage/faults";
await db.ticket.count();
const raw = new Database("/tmp/m2/app.db");
raw.prepare("BEGIN IMMEDIATE").run();
setTimeout(() => raw.prepare("ROLLBACK").run(), 300);
const t0 = Date.now();
try { await db.user.updateMany({ where: { username: "manager" }, data: { failedLogins: 0 } }); console.log("ok after", Date.now() - t0); } catch (e: any) { console.log("fail after", Date.now() - t0, storageFaultOf(e)); }
