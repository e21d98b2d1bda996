ALTER TABLE "project_outputs" ADD COLUMN "authors" text;--> statement-breakpoint
ALTER TABLE "project_outputs" ADD COLUMN "venue" text;--> statement-breakpoint
ALTER TABLE "project_outputs" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "project_outputs" ADD COLUMN "doi" text;--> statement-breakpoint
-- One row per output: a row that counted n outputs becomes n rows of one each (same title, date, link, note).
INSERT INTO "project_outputs" ("project_id", "type", "title", "count", "date", "url", "note", "created_at")
SELECT o."project_id", o."type", o."title", 1, o."date", o."url", o."note", o."created_at"
FROM "project_outputs" o CROSS JOIN generate_series(2, o."count") AS n;--> statement-breakpoint
UPDATE "project_outputs" SET "count" = 1 WHERE "count" <> 1;
