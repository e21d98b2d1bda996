CREATE TABLE "compass_assessments" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"dimension_key" text NOT NULL,
	"level" integer NOT NULL,
	"justification" text NOT NULL,
	"assessed_by" uuid,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compass_assessments_programme_id_year_dimension_key_pk" PRIMARY KEY("programme_id","year","dimension_key")
);
--> statement-breakpoint
CREATE TABLE "compass_goals" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"dimension_key" text NOT NULL,
	"level" integer,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compass_goals_programme_id_year_dimension_key_pk" PRIMARY KEY("programme_id","year","dimension_key")
);
--> statement-breakpoint
CREATE TABLE "compass_learning_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"text" text NOT NULL,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compass_model_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"period" text DEFAULT 'calendar' NOT NULL,
	"dimensions" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compass_offer_takes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"dimension_key" text NOT NULL,
	"activity_id" uuid,
	"taken_by" uuid,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compass_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"sort_key" text NOT NULL,
	"description" text NOT NULL,
	"dimensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_level" integer NOT NULL,
	"activity_type_key" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"organisation_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compass_snapshots" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"model_version" integer NOT NULL,
	"levels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by" uuid,
	CONSTRAINT "compass_snapshots_programme_id_year_pk" PRIMARY KEY("programme_id","year")
);
--> statement-breakpoint
CREATE TABLE "compass_work_steps" (
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"step" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"start_date" date,
	"done_date" date,
	"responsible" text,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compass_work_steps_programme_id_year_step_pk" PRIMARY KEY("programme_id","year","step")
);
--> statement-breakpoint
ALTER TABLE "compass_assessments" ADD CONSTRAINT "compass_assessments_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_assessments" ADD CONSTRAINT "compass_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_goals" ADD CONSTRAINT "compass_goals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_goals" ADD CONSTRAINT "compass_goals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_learning_outcomes" ADD CONSTRAINT "compass_learning_outcomes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_learning_outcomes" ADD CONSTRAINT "compass_learning_outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_model_versions" ADD CONSTRAINT "compass_model_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offer_takes" ADD CONSTRAINT "compass_offer_takes_offer_id_compass_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."compass_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offer_takes" ADD CONSTRAINT "compass_offer_takes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offer_takes" ADD CONSTRAINT "compass_offer_takes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offer_takes" ADD CONSTRAINT "compass_offer_takes_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offers" ADD CONSTRAINT "compass_offers_activity_type_key_activity_types_key_fk" FOREIGN KEY ("activity_type_key") REFERENCES "public"."activity_types"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_offers" ADD CONSTRAINT "compass_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_snapshots" ADD CONSTRAINT "compass_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_snapshots" ADD CONSTRAINT "compass_snapshots_model_version_compass_model_versions_version_fk" FOREIGN KEY ("model_version") REFERENCES "public"."compass_model_versions"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_snapshots" ADD CONSTRAINT "compass_snapshots_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_work_steps" ADD CONSTRAINT "compass_work_steps_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compass_work_steps" ADD CONSTRAINT "compass_work_steps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compass_goals_year_idx" ON "compass_goals" USING btree ("year");--> statement-breakpoint
CREATE INDEX "compass_outcomes_programme_idx" ON "compass_learning_outcomes" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compass_offer_takes_uq" ON "compass_offer_takes" USING btree ("offer_id","programme_id","year");--> statement-breakpoint
CREATE INDEX "compass_offer_takes_programme_idx" ON "compass_offer_takes" USING btree ("programme_id","year");--> statement-breakpoint
CREATE INDEX "compass_offers_sort_idx" ON "compass_offers" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "compass_snapshots_year_idx" ON "compass_snapshots" USING btree ("year");