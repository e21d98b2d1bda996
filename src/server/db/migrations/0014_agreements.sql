CREATE TABLE "agreement_appendix" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"term" text NOT NULL,
	"places" integer NOT NULL,
	"price" integer,
	"delivery" text[] DEFAULT '{}'::text[] NOT NULL,
	"package" text,
	"work_case" text,
	"participants" integer,
	"completed" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_appendix_needs" (
	"appendix_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	CONSTRAINT "agreement_appendix_needs_appendix_id_need_id_pk" PRIMARY KEY("appendix_id","need_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"date" date NOT NULL,
	"participants" text,
	"notes" text,
	"decisions" text,
	"next_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"status" text NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_group" text,
	"staff_count" integer,
	"description" text,
	"priority" integer,
	"source" text DEFAULT 'plan' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"dialogue_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_parties" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'partner' NOT NULL,
	"contact_name" text,
	"cofinancing" integer,
	CONSTRAINT "agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"registry_number" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"budget" integer NOT NULL,
	"phase" text DEFAULT 'planning' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"notes" text,
	"plan_filename" text,
	"plan_storage_key" text,
	"plan_mime_type" text,
	"plan_size" integer,
	"plan_uploaded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spend_entries" ADD COLUMN "agreement_id" uuid;--> statement-breakpoint
ALTER TABLE "agreement_appendix" ADD CONSTRAINT "agreement_appendix_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_appendix" ADD CONSTRAINT "agreement_appendix_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_appendix_needs" ADD CONSTRAINT "agreement_appendix_needs_appendix_id_agreement_appendix_id_fk" FOREIGN KEY ("appendix_id") REFERENCES "public"."agreement_appendix"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_appendix_needs" ADD CONSTRAINT "agreement_appendix_needs_need_id_agreement_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."agreement_needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_dialogues" ADD CONSTRAINT "agreement_dialogues_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_history" ADD CONSTRAINT "agreement_history_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_needs" ADD CONSTRAINT "agreement_needs_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_needs" ADD CONSTRAINT "agreement_needs_dialogue_id_agreement_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."agreement_dialogues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_appendix_course_term_uq" ON "agreement_appendix" USING btree ("agreement_id","course_id","term");--> statement-breakpoint
CREATE INDEX "agreement_appendix_course_idx" ON "agreement_appendix" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "agreement_appendix_needs_need_idx" ON "agreement_appendix_needs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "agreement_dialogues_agreement_idx" ON "agreement_dialogues" USING btree ("agreement_id","date");--> statement-breakpoint
CREATE INDEX "agreement_history_agreement_idx" ON "agreement_history" USING btree ("agreement_id","changed_at");--> statement-breakpoint
CREATE INDEX "agreement_needs_agreement_idx" ON "agreement_needs" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_parties_org_idx" ON "agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "agreements_start_idx" ON "agreements" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "spend_agreement_idx" ON "spend_entries" USING btree ("agreement_id","date");