CREATE TABLE "local_plan_support" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"hours" double precision NOT NULL,
	"given_by" text NOT NULL,
	"participants" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_tag" text,
	"project_id" uuid,
	"title" text NOT NULL,
	"direction" text,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "local_plan_support" ADD CONSTRAINT "local_plan_support_plan_id_local_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."local_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_plans" ADD CONSTRAINT "local_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_plan_support_plan_idx" ON "local_plan_support" USING btree ("plan_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "local_plans_org_idx" ON "local_plans" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "local_plans_project_idx" ON "local_plans" USING btree ("project_id");