CREATE TABLE "idea_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"title" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"fields" jsonb NOT NULL,
	"by_label" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "recommendation" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "recommendation_reason" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "recommended_amount" integer;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "recommended_by" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "recommended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "idea_documents" ADD CONSTRAINT "idea_documents_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_versions" ADD CONSTRAINT "idea_versions_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_documents_idea_idx" ON "idea_documents" USING btree ("idea_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_versions_idea_version_uq" ON "idea_versions" USING btree ("idea_id","version");