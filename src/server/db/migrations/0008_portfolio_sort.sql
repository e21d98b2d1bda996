DROP INDEX "projects_period_start_idx";--> statement-breakpoint
DROP INDEX "projects_period_end_idx";--> statement-breakpoint
CREATE INDEX "projects_period_end_sort_idx" ON "projects" USING btree (coalesce("period_end", '9999-12-01'::date),"id");--> statement-breakpoint
CREATE INDEX "projects_period_start_sort_idx" ON "projects" USING btree (coalesce("period_start", '9999-12-01'::date),"id");--> statement-breakpoint
CREATE INDEX "projects_period_end_idx" ON "projects" USING btree ("period_end");