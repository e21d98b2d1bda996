CREATE TABLE "event_accessibility_needs" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"needs" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_gender_answers" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"gender" text NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_accessibility_needs" ADD CONSTRAINT "event_accessibility_needs_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_gender_answers" ADD CONSTRAINT "event_gender_answers_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_gender_answers_gender_idx" ON "event_gender_answers" USING btree ("gender");