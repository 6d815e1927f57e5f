-- The metric triggers become constraint triggers deferred to COMMIT (lib/dal/metrics/counter-sql.ts):
-- a counter row is locked only while a transaction commits. Same functions, same counts.
DROP TRIGGER "Metric_ticket_insert" ON "Ticket";
DROP FUNCTION "Metric_ticket_insert"();
DROP TRIGGER "Metric_ticket_update" ON "Ticket";
DROP FUNCTION "Metric_ticket_update"();
DROP TRIGGER "Metric_ticket_delete" ON "Ticket";
DROP FUNCTION "Metric_ticket_delete"();

CREATE FUNCTION "Metric_ticket_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MetricDaily" ("day", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT (((EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint + 28800000) / 86400000), COALESCE(NEW."ownerUnitId", ''), NEW."categoryCode", NEW."channel", (CASE WHEN TRUE THEN 1 ELSE 0 END), (CASE WHEN NEW."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."returnCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) AND (NEW."dueAt" IS NULL OR NEW."closedAt" <= NEW."dueAt")) THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM NEW."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint ELSE 0 END), (CASE WHEN (NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND NEW."resolved" = TRUE) THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), (CASE WHEN NEW."reopenCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN ((NEW."signedAt" IS NOT NULL AND (NEW."signDueAt" IS NULL OR NEW."signedAt" <= NEW."signDueAt")) AND (NEW."firstContactAt" IS NOT NULL AND (NEW."contactDueAt" IS NULL OR NEW."firstContactAt" <= NEW."contactDueAt"))) THEN 1 ELSE 0 END), (CASE WHEN (NEW."firstContactAt" IS NOT NULL OR ((NEW."anonymous" = FALSE AND NEW."contactDueAt" IS NOT NULL AND NEW."firstContactAt" IS NULL) AND (NEW."contactOverdueAt" IS NOT NULL AND NEW."contactOverdueAt" >= NEW."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE NEW."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("day", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricDaily"."received" + excluded."received",
      "dispatched" = "MetricDaily"."dispatched" + excluded."dispatched",
      "returned" = "MetricDaily"."returned" + excluded."returned",
      "closed" = "MetricDaily"."closed" + excluded."closed",
      "closedOnTime" = "MetricDaily"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricDaily"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricDaily"."evaluated" + excluded."evaluated",
      "resolved" = "MetricDaily"."resolved" + excluded."resolved",
      "satisfied" = "MetricDaily"."satisfied" + excluded."satisfied",
      "basic" = "MetricDaily"."basic" + excluded."basic",
      "reopened" = "MetricDaily"."reopened" + excluded."reopened",
      "responded" = "MetricDaily"."responded" + excluded."responded",
      "contactDue" = "MetricDaily"."contactDue" + excluded."contactDue";
  INSERT INTO "MetricMonthly" ("month", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT CAST(to_char(NEW."receivedAt" + INTERVAL '8 hours', 'YYYYMM') AS INTEGER), COALESCE(NEW."ownerUnitId", ''), NEW."categoryCode", NEW."channel", (CASE WHEN TRUE THEN 1 ELSE 0 END), (CASE WHEN NEW."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."returnCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) AND (NEW."dueAt" IS NULL OR NEW."closedAt" <= NEW."dueAt")) THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM NEW."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint ELSE 0 END), (CASE WHEN (NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND NEW."resolved" = TRUE) THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), (CASE WHEN NEW."reopenCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN ((NEW."signedAt" IS NOT NULL AND (NEW."signDueAt" IS NULL OR NEW."signedAt" <= NEW."signDueAt")) AND (NEW."firstContactAt" IS NOT NULL AND (NEW."contactDueAt" IS NULL OR NEW."firstContactAt" <= NEW."contactDueAt"))) THEN 1 ELSE 0 END), (CASE WHEN (NEW."firstContactAt" IS NOT NULL OR ((NEW."anonymous" = FALSE AND NEW."contactDueAt" IS NOT NULL AND NEW."firstContactAt" IS NULL) AND (NEW."contactOverdueAt" IS NOT NULL AND NEW."contactOverdueAt" >= NEW."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE NEW."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("month", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricMonthly"."received" + excluded."received",
      "dispatched" = "MetricMonthly"."dispatched" + excluded."dispatched",
      "returned" = "MetricMonthly"."returned" + excluded."returned",
      "closed" = "MetricMonthly"."closed" + excluded."closed",
      "closedOnTime" = "MetricMonthly"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricMonthly"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricMonthly"."evaluated" + excluded."evaluated",
      "resolved" = "MetricMonthly"."resolved" + excluded."resolved",
      "satisfied" = "MetricMonthly"."satisfied" + excluded."satisfied",
      "basic" = "MetricMonthly"."basic" + excluded."basic",
      "reopened" = "MetricMonthly"."reopened" + excluded."reopened",
      "responded" = "MetricMonthly"."responded" + excluded."responded",
      "contactDue" = "MetricMonthly"."contactDue" + excluded."contactDue";
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Metric_ticket_insert" AFTER INSERT ON "Ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE "Metric_ticket_insert"();

CREATE FUNCTION "Metric_ticket_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MetricDaily" ("day", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT (((EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint + 28800000) / 86400000), COALESCE(OLD."ownerUnitId", ''), OLD."categoryCode", OLD."channel", -(CASE WHEN TRUE THEN 1 ELSE 0 END), -(CASE WHEN OLD."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."returnCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) AND (OLD."dueAt" IS NULL OR OLD."closedAt" <= OLD."dueAt")) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM OLD."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint ELSE 0 END), -(CASE WHEN (OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND OLD."resolved" = TRUE) THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), -(CASE WHEN OLD."reopenCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."signedAt" IS NOT NULL AND (OLD."signDueAt" IS NULL OR OLD."signedAt" <= OLD."signDueAt")) AND (OLD."firstContactAt" IS NOT NULL AND (OLD."contactDueAt" IS NULL OR OLD."firstContactAt" <= OLD."contactDueAt"))) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."firstContactAt" IS NOT NULL OR ((OLD."anonymous" = FALSE AND OLD."contactDueAt" IS NOT NULL AND OLD."firstContactAt" IS NULL) AND (OLD."contactOverdueAt" IS NOT NULL AND OLD."contactOverdueAt" >= OLD."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE OLD."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("day", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricDaily"."received" + excluded."received",
      "dispatched" = "MetricDaily"."dispatched" + excluded."dispatched",
      "returned" = "MetricDaily"."returned" + excluded."returned",
      "closed" = "MetricDaily"."closed" + excluded."closed",
      "closedOnTime" = "MetricDaily"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricDaily"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricDaily"."evaluated" + excluded."evaluated",
      "resolved" = "MetricDaily"."resolved" + excluded."resolved",
      "satisfied" = "MetricDaily"."satisfied" + excluded."satisfied",
      "basic" = "MetricDaily"."basic" + excluded."basic",
      "reopened" = "MetricDaily"."reopened" + excluded."reopened",
      "responded" = "MetricDaily"."responded" + excluded."responded",
      "contactDue" = "MetricDaily"."contactDue" + excluded."contactDue";
  INSERT INTO "MetricMonthly" ("month", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT CAST(to_char(OLD."receivedAt" + INTERVAL '8 hours', 'YYYYMM') AS INTEGER), COALESCE(OLD."ownerUnitId", ''), OLD."categoryCode", OLD."channel", -(CASE WHEN TRUE THEN 1 ELSE 0 END), -(CASE WHEN OLD."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."returnCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) AND (OLD."dueAt" IS NULL OR OLD."closedAt" <= OLD."dueAt")) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM OLD."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint ELSE 0 END), -(CASE WHEN (OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND OLD."resolved" = TRUE) THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), -(CASE WHEN OLD."reopenCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."signedAt" IS NOT NULL AND (OLD."signDueAt" IS NULL OR OLD."signedAt" <= OLD."signDueAt")) AND (OLD."firstContactAt" IS NOT NULL AND (OLD."contactDueAt" IS NULL OR OLD."firstContactAt" <= OLD."contactDueAt"))) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."firstContactAt" IS NOT NULL OR ((OLD."anonymous" = FALSE AND OLD."contactDueAt" IS NOT NULL AND OLD."firstContactAt" IS NULL) AND (OLD."contactOverdueAt" IS NOT NULL AND OLD."contactOverdueAt" >= OLD."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE OLD."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("month", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricMonthly"."received" + excluded."received",
      "dispatched" = "MetricMonthly"."dispatched" + excluded."dispatched",
      "returned" = "MetricMonthly"."returned" + excluded."returned",
      "closed" = "MetricMonthly"."closed" + excluded."closed",
      "closedOnTime" = "MetricMonthly"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricMonthly"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricMonthly"."evaluated" + excluded."evaluated",
      "resolved" = "MetricMonthly"."resolved" + excluded."resolved",
      "satisfied" = "MetricMonthly"."satisfied" + excluded."satisfied",
      "basic" = "MetricMonthly"."basic" + excluded."basic",
      "reopened" = "MetricMonthly"."reopened" + excluded."reopened",
      "responded" = "MetricMonthly"."responded" + excluded."responded",
      "contactDue" = "MetricMonthly"."contactDue" + excluded."contactDue";
  INSERT INTO "MetricDaily" ("day", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT (((EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint + 28800000) / 86400000), COALESCE(NEW."ownerUnitId", ''), NEW."categoryCode", NEW."channel", (CASE WHEN TRUE THEN 1 ELSE 0 END), (CASE WHEN NEW."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."returnCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) AND (NEW."dueAt" IS NULL OR NEW."closedAt" <= NEW."dueAt")) THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM NEW."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint ELSE 0 END), (CASE WHEN (NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND NEW."resolved" = TRUE) THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), (CASE WHEN NEW."reopenCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN ((NEW."signedAt" IS NOT NULL AND (NEW."signDueAt" IS NULL OR NEW."signedAt" <= NEW."signDueAt")) AND (NEW."firstContactAt" IS NOT NULL AND (NEW."contactDueAt" IS NULL OR NEW."firstContactAt" <= NEW."contactDueAt"))) THEN 1 ELSE 0 END), (CASE WHEN (NEW."firstContactAt" IS NOT NULL OR ((NEW."anonymous" = FALSE AND NEW."contactDueAt" IS NOT NULL AND NEW."firstContactAt" IS NULL) AND (NEW."contactOverdueAt" IS NOT NULL AND NEW."contactOverdueAt" >= NEW."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE NEW."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("day", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricDaily"."received" + excluded."received",
      "dispatched" = "MetricDaily"."dispatched" + excluded."dispatched",
      "returned" = "MetricDaily"."returned" + excluded."returned",
      "closed" = "MetricDaily"."closed" + excluded."closed",
      "closedOnTime" = "MetricDaily"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricDaily"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricDaily"."evaluated" + excluded."evaluated",
      "resolved" = "MetricDaily"."resolved" + excluded."resolved",
      "satisfied" = "MetricDaily"."satisfied" + excluded."satisfied",
      "basic" = "MetricDaily"."basic" + excluded."basic",
      "reopened" = "MetricDaily"."reopened" + excluded."reopened",
      "responded" = "MetricDaily"."responded" + excluded."responded",
      "contactDue" = "MetricDaily"."contactDue" + excluded."contactDue";
  INSERT INTO "MetricMonthly" ("month", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT CAST(to_char(NEW."receivedAt" + INTERVAL '8 hours', 'YYYYMM') AS INTEGER), COALESCE(NEW."ownerUnitId", ''), NEW."categoryCode", NEW."channel", (CASE WHEN TRUE THEN 1 ELSE 0 END), (CASE WHEN NEW."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), (CASE WHEN NEW."returnCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) AND (NEW."dueAt" IS NULL OR NEW."closedAt" <= NEW."dueAt")) THEN 1 ELSE 0 END), (CASE WHEN (NEW."status" = 'CLOSED' AND NEW."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM NEW."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM NEW."receivedAt") * 1000)::bigint ELSE 0 END), (CASE WHEN (NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), (CASE WHEN ((NEW."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND NEW."resolved" = TRUE) THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), (CASE WHEN NEW."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), (CASE WHEN NEW."reopenCount" > 0 THEN 1 ELSE 0 END), (CASE WHEN ((NEW."signedAt" IS NOT NULL AND (NEW."signDueAt" IS NULL OR NEW."signedAt" <= NEW."signDueAt")) AND (NEW."firstContactAt" IS NOT NULL AND (NEW."contactDueAt" IS NULL OR NEW."firstContactAt" <= NEW."contactDueAt"))) THEN 1 ELSE 0 END), (CASE WHEN (NEW."firstContactAt" IS NOT NULL OR ((NEW."anonymous" = FALSE AND NEW."contactDueAt" IS NOT NULL AND NEW."firstContactAt" IS NULL) AND (NEW."contactOverdueAt" IS NOT NULL AND NEW."contactOverdueAt" >= NEW."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE NEW."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("month", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricMonthly"."received" + excluded."received",
      "dispatched" = "MetricMonthly"."dispatched" + excluded."dispatched",
      "returned" = "MetricMonthly"."returned" + excluded."returned",
      "closed" = "MetricMonthly"."closed" + excluded."closed",
      "closedOnTime" = "MetricMonthly"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricMonthly"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricMonthly"."evaluated" + excluded."evaluated",
      "resolved" = "MetricMonthly"."resolved" + excluded."resolved",
      "satisfied" = "MetricMonthly"."satisfied" + excluded."satisfied",
      "basic" = "MetricMonthly"."basic" + excluded."basic",
      "reopened" = "MetricMonthly"."reopened" + excluded."reopened",
      "responded" = "MetricMonthly"."responded" + excluded."responded",
      "contactDue" = "MetricMonthly"."contactDue" + excluded."contactDue";
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Metric_ticket_update" AFTER UPDATE OF "status", "ownerUnitId", "categoryCode", "channel", "anonymous", "receivedAt", "dispatchedAt", "returnCount", "closedAt", "dueAt", "satisfaction", "resolved", "reopenCount", "signedAt", "signDueAt", "firstContactAt", "contactDueAt", "contactOverdueAt" ON "Ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE "Metric_ticket_update"();

CREATE FUNCTION "Metric_ticket_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MetricDaily" ("day", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT (((EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint + 28800000) / 86400000), COALESCE(OLD."ownerUnitId", ''), OLD."categoryCode", OLD."channel", -(CASE WHEN TRUE THEN 1 ELSE 0 END), -(CASE WHEN OLD."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."returnCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) AND (OLD."dueAt" IS NULL OR OLD."closedAt" <= OLD."dueAt")) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM OLD."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint ELSE 0 END), -(CASE WHEN (OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND OLD."resolved" = TRUE) THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), -(CASE WHEN OLD."reopenCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."signedAt" IS NOT NULL AND (OLD."signDueAt" IS NULL OR OLD."signedAt" <= OLD."signDueAt")) AND (OLD."firstContactAt" IS NOT NULL AND (OLD."contactDueAt" IS NULL OR OLD."firstContactAt" <= OLD."contactDueAt"))) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."firstContactAt" IS NOT NULL OR ((OLD."anonymous" = FALSE AND OLD."contactDueAt" IS NOT NULL AND OLD."firstContactAt" IS NULL) AND (OLD."contactOverdueAt" IS NOT NULL AND OLD."contactOverdueAt" >= OLD."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE OLD."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("day", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricDaily"."received" + excluded."received",
      "dispatched" = "MetricDaily"."dispatched" + excluded."dispatched",
      "returned" = "MetricDaily"."returned" + excluded."returned",
      "closed" = "MetricDaily"."closed" + excluded."closed",
      "closedOnTime" = "MetricDaily"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricDaily"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricDaily"."evaluated" + excluded."evaluated",
      "resolved" = "MetricDaily"."resolved" + excluded."resolved",
      "satisfied" = "MetricDaily"."satisfied" + excluded."satisfied",
      "basic" = "MetricDaily"."basic" + excluded."basic",
      "reopened" = "MetricDaily"."reopened" + excluded."reopened",
      "responded" = "MetricDaily"."responded" + excluded."responded",
      "contactDue" = "MetricDaily"."contactDue" + excluded."contactDue";
  INSERT INTO "MetricMonthly" ("month", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
    SELECT CAST(to_char(OLD."receivedAt" + INTERVAL '8 hours', 'YYYYMM') AS INTEGER), COALESCE(OLD."ownerUnitId", ''), OLD."categoryCode", OLD."channel", -(CASE WHEN TRUE THEN 1 ELSE 0 END), -(CASE WHEN OLD."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END), -(CASE WHEN OLD."returnCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) AND (OLD."dueAt" IS NULL OR OLD."closedAt" <= OLD."dueAt")) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."status" = 'CLOSED' AND OLD."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM OLD."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM OLD."receivedAt") * 1000)::bigint ELSE 0 END), -(CASE WHEN (OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND OLD."resolved" = TRUE) THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END), -(CASE WHEN OLD."satisfaction" = 'BASIC' THEN 1 ELSE 0 END), -(CASE WHEN OLD."reopenCount" > 0 THEN 1 ELSE 0 END), -(CASE WHEN ((OLD."signedAt" IS NOT NULL AND (OLD."signDueAt" IS NULL OR OLD."signedAt" <= OLD."signDueAt")) AND (OLD."firstContactAt" IS NOT NULL AND (OLD."contactDueAt" IS NULL OR OLD."firstContactAt" <= OLD."contactDueAt"))) THEN 1 ELSE 0 END), -(CASE WHEN (OLD."firstContactAt" IS NOT NULL OR ((OLD."anonymous" = FALSE AND OLD."contactDueAt" IS NOT NULL AND OLD."firstContactAt" IS NULL) AND (OLD."contactOverdueAt" IS NOT NULL AND OLD."contactOverdueAt" >= OLD."contactDueAt"))) THEN 1 ELSE 0 END)
    WHERE OLD."status" NOT IN ('MERGED', 'INVALID')
    ON CONFLICT ("month", "unitId", "categoryCode", "channel") DO UPDATE SET
      "received" = "MetricMonthly"."received" + excluded."received",
      "dispatched" = "MetricMonthly"."dispatched" + excluded."dispatched",
      "returned" = "MetricMonthly"."returned" + excluded."returned",
      "closed" = "MetricMonthly"."closed" + excluded."closed",
      "closedOnTime" = "MetricMonthly"."closedOnTime" + excluded."closedOnTime",
      "handlingMs" = "MetricMonthly"."handlingMs" + excluded."handlingMs",
      "evaluated" = "MetricMonthly"."evaluated" + excluded."evaluated",
      "resolved" = "MetricMonthly"."resolved" + excluded."resolved",
      "satisfied" = "MetricMonthly"."satisfied" + excluded."satisfied",
      "basic" = "MetricMonthly"."basic" + excluded."basic",
      "reopened" = "MetricMonthly"."reopened" + excluded."reopened",
      "responded" = "MetricMonthly"."responded" + excluded."responded",
      "contactDue" = "MetricMonthly"."contactDue" + excluded."contactDue";
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Metric_ticket_delete" AFTER DELETE ON "Ticket"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE "Metric_ticket_delete"();

-- Count the tickets already there.
SET CONSTRAINTS ALL IMMEDIATE;
LOCK TABLE "Ticket" IN SHARE MODE;
DELETE FROM "MetricDaily";
INSERT INTO "MetricDaily" ("day", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
     SELECT (((EXTRACT(EPOCH FROM t."receivedAt") * 1000)::bigint + 28800000) / 86400000), COALESCE(t."ownerUnitId", ''), t."categoryCode", t."channel", SUM((CASE WHEN TRUE THEN 1 ELSE 0 END)), SUM((CASE WHEN t."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END)), SUM((CASE WHEN t."returnCount" > 0 THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) AND (t."dueAt" IS NULL OR t."closedAt" <= t."dueAt")) THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM t."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM t."receivedAt") * 1000)::bigint ELSE 0 END)), SUM((CASE WHEN (t."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND t."resolved" = TRUE) THEN 1 ELSE 0 END)), SUM((CASE WHEN t."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END)), SUM((CASE WHEN t."satisfaction" = 'BASIC' THEN 1 ELSE 0 END)), SUM((CASE WHEN t."reopenCount" > 0 THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."signedAt" IS NOT NULL AND (t."signDueAt" IS NULL OR t."signedAt" <= t."signDueAt")) AND (t."firstContactAt" IS NOT NULL AND (t."contactDueAt" IS NULL OR t."firstContactAt" <= t."contactDueAt"))) THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."firstContactAt" IS NOT NULL OR ((t."anonymous" = FALSE AND t."contactDueAt" IS NOT NULL AND t."firstContactAt" IS NULL) AND (t."contactOverdueAt" IS NOT NULL AND t."contactOverdueAt" >= t."contactDueAt"))) THEN 1 ELSE 0 END))
     FROM "Ticket" t WHERE t."status" NOT IN ('MERGED', 'INVALID')
     GROUP BY 1, 2, 3, 4;
DELETE FROM "MetricMonthly";
INSERT INTO "MetricMonthly" ("month", "unitId", "categoryCode", "channel", "received", "dispatched", "returned", "closed", "closedOnTime", "handlingMs", "evaluated", "resolved", "satisfied", "basic", "reopened", "responded", "contactDue")
     SELECT CAST(to_char(t."receivedAt" + INTERVAL '8 hours', 'YYYYMM') AS INTEGER), COALESCE(t."ownerUnitId", ''), t."categoryCode", t."channel", SUM((CASE WHEN TRUE THEN 1 ELSE 0 END)), SUM((CASE WHEN t."dispatchedAt" IS NOT NULL THEN 1 ELSE 0 END)), SUM((CASE WHEN t."returnCount" > 0 THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) AND (t."dueAt" IS NULL OR t."closedAt" <= t."dueAt")) THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."status" = 'CLOSED' AND t."closedAt" IS NOT NULL) THEN (EXTRACT(EPOCH FROM t."closedAt") * 1000)::bigint - (EXTRACT(EPOCH FROM t."receivedAt") * 1000)::bigint ELSE 0 END)), SUM((CASE WHEN (t."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."satisfaction" IN ('SATISFIED', 'BASIC', 'UNSATISFIED')) AND t."resolved" = TRUE) THEN 1 ELSE 0 END)), SUM((CASE WHEN t."satisfaction" = 'SATISFIED' THEN 1 ELSE 0 END)), SUM((CASE WHEN t."satisfaction" = 'BASIC' THEN 1 ELSE 0 END)), SUM((CASE WHEN t."reopenCount" > 0 THEN 1 ELSE 0 END)), SUM((CASE WHEN ((t."signedAt" IS NOT NULL AND (t."signDueAt" IS NULL OR t."signedAt" <= t."signDueAt")) AND (t."firstContactAt" IS NOT NULL AND (t."contactDueAt" IS NULL OR t."firstContactAt" <= t."contactDueAt"))) THEN 1 ELSE 0 END)), SUM((CASE WHEN (t."firstContactAt" IS NOT NULL OR ((t."anonymous" = FALSE AND t."contactDueAt" IS NOT NULL AND t."firstContactAt" IS NULL) AND (t."contactOverdueAt" IS NOT NULL AND t."contactOverdueAt" >= t."contactDueAt"))) THEN 1 ELSE 0 END))
     FROM "Ticket" t WHERE t."status" NOT IN ('MERGED', 'INVALID')
     GROUP BY 1, 2, 3, 4;
