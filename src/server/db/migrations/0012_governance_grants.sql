ALTER TABLE "project_funding" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
CREATE INDEX "project_funding_decision_idx" ON "project_funding" USING btree ("decision_id");