DROP INDEX "governance_decisions_trgm";--> statement-breakpoint
CREATE INDEX "governance_registry_year_idx" ON "governance_registry_entries" USING btree ("year","date","id");--> statement-breakpoint
CREATE INDEX "governance_decisions_trgm" ON "governance_decisions" USING gin (("title" || ' ' || "text" || ' ' || coalesce("registry_number", '')) gin_trgm_ops);