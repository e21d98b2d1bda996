CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"sort_key" text NOT NULL,
	"type_key" text NOT NULL,
	"description" text,
	"start_date" date,
	"end_date" date,
	"place" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"evaluated" boolean DEFAULT false NOT NULL,
	"evaluation_text" text,
	"participants" integer,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_courses" (
	"activity_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	CONSTRAINT "activity_courses_activity_id_course_id_pk" PRIMARY KEY("activity_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "activity_organisations" (
	"activity_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'partner' NOT NULL,
	CONSTRAINT "activity_organisations_activity_id_organisation_id_pk" PRIMARY KEY("activity_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "activity_programmes" (
	"activity_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	CONSTRAINT "activity_programmes_activity_id_programme_id_pk" PRIMARY KEY("activity_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "activity_types" (
	"key" text PRIMARY KEY NOT NULL,
	"label_sv" text NOT NULL,
	"label_en" text NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" uuid,
	"org_number" text,
	"municipality_code" text,
	"county" text,
	"website" text,
	"description" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text,
	"lawful_basis" text DEFAULT 'public_task' NOT NULL,
	"consent_at" timestamp with time zone,
	"notes" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text,
	"sort_key" text NOT NULL,
	"credits" numeric(6, 1),
	"level" text,
	"organisation_id" uuid,
	"responsible_person_id" uuid,
	"contract" boolean DEFAULT false NOT NULL,
	"client_organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_courses" (
	"programme_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	CONSTRAINT "programme_courses_programme_id_course_id_pk" PRIMARY KEY("programme_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text,
	"sort_key" text NOT NULL,
	"credits" numeric(6, 1),
	"level" text,
	"organisation_id" uuid,
	"responsible_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_type_key_activity_types_key_fk" FOREIGN KEY ("type_key") REFERENCES "public"."activity_types"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_courses" ADD CONSTRAINT "activity_courses_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_courses" ADD CONSTRAINT "activity_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisations" ADD CONSTRAINT "activity_organisations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_organisations" ADD CONSTRAINT "activity_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_programmes" ADD CONSTRAINT "activity_programmes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_programmes" ADD CONSTRAINT "activity_programmes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_client_organisation_id_organisations_id_fk" FOREIGN KEY ("client_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_courses" ADD CONSTRAINT "programme_courses_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_courses" ADD CONSTRAINT "programme_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_type_idx" ON "activities" USING btree ("type_key");--> statement-breakpoint
CREATE INDEX "activities_start_idx" ON "activities" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "activities_status_idx" ON "activities" USING btree ("status");--> statement-breakpoint
CREATE INDEX "activities_sort_idx" ON "activities" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "activities_title_trgm" ON "activities" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activities_fts" ON "activities" USING gin (to_tsvector('swedish', "title" || ' ' || coalesce("description", '')));--> statement-breakpoint
CREATE INDEX "activity_courses_course_idx" ON "activity_courses" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "activity_orgs_org_idx" ON "activity_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "activity_programmes_prog_idx" ON "activity_programmes" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_org_number_uq" ON "organisations" USING btree ("org_number");--> statement-breakpoint
CREATE INDEX "organisations_sort_idx" ON "organisations" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_fts" ON "organisations" USING gin (to_tsvector('swedish', "name" || ' ' || coalesce("description", '')));--> statement-breakpoint
CREATE INDEX "memberships_person_idx" ON "memberships" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_uq" ON "people" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "people_user_uq" ON "people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "people_sort_idx" ON "people" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "courses_code_uq" ON "courses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "courses_sort_idx" ON "courses" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "courses_client_idx" ON "courses" USING btree ("client_organisation_id");--> statement-breakpoint
CREATE INDEX "courses_name_trgm" ON "courses" USING gin ("name_sv" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "programme_courses_course_idx" ON "programme_courses" USING btree ("course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_uq" ON "programmes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "programmes_sort_idx" ON "programmes" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "programmes_org_idx" ON "programmes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "programmes_name_trgm" ON "programmes" USING gin ("name_sv" gin_trgm_ops);