CREATE TABLE "review_round_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"report_type" text,
	"report_uncertain" boolean DEFAULT false NOT NULL,
	"concrete_results" text,
	"can_scale_up" text,
	"comment" text,
	"colour" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"conclusions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_round_projects" ADD CONSTRAINT "review_round_projects_round_id_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."review_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_round_projects" ADD CONSTRAINT "review_round_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_round_projects_round_idx" ON "review_round_projects" USING btree ("round_id","sort_order");--> statement-breakpoint
CREATE INDEX "review_round_projects_project_idx" ON "review_round_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "review_rounds_date_idx" ON "review_rounds" USING btree ("date","id");