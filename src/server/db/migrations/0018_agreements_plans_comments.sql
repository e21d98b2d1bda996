CREATE TABLE "agreement_dialogue_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialogue_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"storage_key" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "agreement_appendix_course_idx";--> statement-breakpoint
ALTER TABLE "agreement_dialogue_comments" ADD CONSTRAINT "agreement_dialogue_comments_dialogue_id_agreement_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."agreement_dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_plans" ADD CONSTRAINT "agreement_plans_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_dialogue_comments_dialogue_idx" ON "agreement_dialogue_comments" USING btree ("dialogue_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_plans_agreement_idx" ON "agreement_plans" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_appendix_course_idx" ON "agreement_appendix" USING btree ("course_id","agreement_id","places");--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "plan_filename";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "plan_storage_key";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "plan_mime_type";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "plan_size";--> statement-breakpoint
ALTER TABLE "agreements" DROP COLUMN "plan_uploaded_at";