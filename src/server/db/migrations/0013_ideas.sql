CREATE TABLE "idea_call_reviewers" (
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body_id" uuid,
	"area" text,
	"questions" text,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"budget" integer,
	"template" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"scores" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idea_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"by_label" text NOT NULL,
	"by_user_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"stage" text DEFAULT 'submitted' NOT NULL,
	"reached_rank" smallint DEFAULT 0 NOT NULL,
	"submitter_name" text,
	"submitter_email" text,
	"organisation_text" text,
	"organisation_id" uuid,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent_at" timestamp with time zone,
	"token_hash" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"project_id" uuid,
	"decision_id" uuid,
	"granted_amount" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_call_reviewers" ADD CONSTRAINT "idea_call_reviewers_call_id_idea_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."idea_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_call_reviewers" ADD CONSTRAINT "idea_call_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_calls" ADD CONSTRAINT "idea_calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_reviews" ADD CONSTRAINT "idea_reviews_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_reviews" ADD CONSTRAINT "idea_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_transitions" ADD CONSTRAINT "idea_transitions_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_call_id_idea_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."idea_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_call_reviewers_pk" ON "idea_call_reviewers" USING btree ("call_id","user_id");--> statement-breakpoint
CREATE INDEX "idea_calls_closes_idx" ON "idea_calls" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "idea_calls_org_idx" ON "idea_calls" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "idea_reviews_one_per_reviewer" ON "idea_reviews" USING btree ("idea_id","reviewer_user_id");--> statement-breakpoint
CREATE INDEX "idea_transitions_idea_idx" ON "idea_transitions" USING btree ("idea_id","at");--> statement-breakpoint
CREATE INDEX "ideas_call_idx" ON "ideas" USING btree ("call_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "ideas_call_stage_idx" ON "ideas" USING btree ("call_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "ideas_token_uq" ON "ideas" USING btree ("token_hash") WHERE "ideas"."token_hash" is not null;