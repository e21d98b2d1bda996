CREATE TABLE "governance_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"presenter" text,
	"public" boolean DEFAULT true NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "governance_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"parent_id" uuid,
	"mandate" text,
	"tasks" text,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"amount" integer,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"registry_entry_id" uuid,
	"registry_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"link" text,
	"public" boolean DEFAULT false NOT NULL,
	"minutes_text" text,
	"adjusters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notice_sent_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"party_organisation_id" uuid,
	"role" text NOT NULL,
	"function" text,
	"percent_of_full_time" integer,
	"start_date" date,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_registry_counters" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "governance_registry_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "governance_registry_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_id" uuid,
	"year" integer NOT NULL,
	"number" integer,
	"registry_number" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"direction" text NOT NULL,
	"counterpart" text,
	"case_ref" text,
	"document_type" text NOT NULL,
	"retention_class" text NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"confidentiality_ground" text,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_registry_series" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_funding" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "governance_agenda_items" ADD CONSTRAINT "governance_agenda_items_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_parent_id_governance_bodies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."governance_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_agenda_item_id_governance_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."governance_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_party_organisation_id_organisations_id_fk" FOREIGN KEY ("party_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_registry_counters" ADD CONSTRAINT "governance_registry_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_registry_entries" ADD CONSTRAINT "governance_registry_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_registry_entries" ADD CONSTRAINT "governance_registry_entries_body_id_governance_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."governance_bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_registry_series" ADD CONSTRAINT "governance_registry_series_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_agenda_items_pos_uq" ON "governance_agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "governance_bodies_sort_idx" ON "governance_bodies" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "governance_bodies_org_idx" ON "governance_bodies" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_decisions_paragraph_uq" ON "governance_decisions" USING btree ("meeting_id","paragraph");--> statement-breakpoint
CREATE INDEX "governance_decisions_body_idx" ON "governance_decisions" USING btree ("body_id","created_at");--> statement-breakpoint
CREATE INDEX "governance_decisions_trgm" ON "governance_decisions" USING gin (("title" || ' ' || "text") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "governance_meetings_body_idx" ON "governance_meetings" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "governance_members_body_idx" ON "governance_members" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "governance_members_person_idx" ON "governance_members" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_registry_number_uq" ON "governance_registry_entries" USING btree ("organisation_id","year","number");--> statement-breakpoint
CREATE INDEX "governance_registry_date_idx" ON "governance_registry_entries" USING btree ("date","id");--> statement-breakpoint
CREATE INDEX "governance_registry_trgm" ON "governance_registry_entries" USING gin (("title" || ' ' || "registry_number" || ' ' || coalesce("counterpart", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "project_funding_decision_idx" ON "project_funding" USING btree ("decision_id");