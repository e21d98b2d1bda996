CREATE TABLE "plan_item_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"done_by_name" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "recurrence_frequency" text;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "recurrence_start" date;--> statement-breakpoint
ALTER TABLE "plan_items" ADD COLUMN "recurrence_end" date;--> statement-breakpoint
ALTER TABLE "plan_item_occurrences" ADD CONSTRAINT "plan_item_occurrences_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_occurrences" ADD CONSTRAINT "plan_item_occurrences_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_item_occurrences_due_uq" ON "plan_item_occurrences" USING btree ("item_id","due_date");--> statement-breakpoint
UPDATE "plan_items" AS "pi" SET
	"recurrence_frequency" = CASE
		WHEN "pi"."recurrence" ILIKE '%termin%' THEN 'semester'
		WHEN "pi"."recurrence" ILIKE '%månad%' THEN 'monthly'
		ELSE 'yearly' END,
	"recurrence_start" = "pi"."start_date",
	"recurrence_end" = COALESCE("pi"."end_date", "p"."period_end")
FROM "plans" AS "p"
WHERE "p"."id" = "pi"."plan_id" AND "pi"."recurrence_frequency" IS NULL AND "pi"."start_date" IS NOT NULL
	AND COALESCE("pi"."end_date", "p"."period_end") >= "pi"."start_date"
	AND ("pi"."recurrence" ILIKE '%termin%' OR "pi"."recurrence" ILIKE '%månad%' OR "pi"."recurrence" ILIKE '%per år%' OR "pi"."recurrence" ILIKE '%årlig%');--> statement-breakpoint
INSERT INTO "plan_item_occurrences" ("item_id", "due_date")
SELECT "pi"."id", "d"::date
FROM "plan_items" AS "pi",
	generate_series("pi"."recurrence_start"::timestamp, "pi"."recurrence_end"::timestamp,
		CASE "pi"."recurrence_frequency" WHEN 'monthly' THEN interval '1 month' WHEN 'semester' THEN interval '6 months' ELSE interval '12 months' END) AS "d"
WHERE "pi"."recurrence_frequency" IS NOT NULL
ON CONFLICT DO NOTHING;
