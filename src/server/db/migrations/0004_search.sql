-- Search (src/server/modules/search): accent-folded trigram indexes so that "Harnosand" finds
-- "Härnösands kommun". samspel_fold() lower-cases (both cases are listed, since lower() under the
-- C collation leaves Å/Ä/Ö alone) and maps accented letters to their base letter; the search query
-- uses exactly these expressions so the indexes apply. Full-text search uses the registers' own
-- to_tsvector('swedish', …) indexes.
CREATE OR REPLACE FUNCTION samspel_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(lower(t), 'åäöæøéèêëáàâãíìîïóòôõúùûüýÿçñÅÄÖÆØÉÈÊËÁÀÂÃÍÌÎÏÓÒÔÕÚÙÛÜÝŸÇÑ', 'aaoaoeeeeaaaaiiiioooouuuuyycnaaoaoeeeeaaaaiiiioooouuuuyycn') $$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_name_fold_trgm" ON "organisations" USING gin (samspel_fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_fold_trgm" ON "people" USING gin (samspel_fold("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "programmes_name_fold_trgm" ON "programmes" USING gin (samspel_fold("name_sv") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "courses_name_fold_trgm" ON "courses" USING gin (samspel_fold("name_sv") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_title_fold_trgm" ON "activities" USING gin (samspel_fold("title") gin_trgm_ops);
