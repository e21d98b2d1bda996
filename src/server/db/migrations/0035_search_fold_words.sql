-- Search (issue 14): the words of the accent-folded name, so that a word of a name typed from its start
-- ("kommun", "Lindqvist", "Harnosand") is found from a GIN index of the words (a prefix query,
-- `'kommun':*`) instead of the folded trigram index, whose posting lists for common trigrams are long
-- (in 50 000 people's names, milliseconds per search). 'simple': no stemming, no stop words, so every
-- word of a name is there as written (less case and accents); the search query uses exactly these
-- expressions so the indexes apply. fastupdate off: a new name goes straight into the index rather than
-- into a pending list that every search reads through until a vacuum merges it (PGlite has no
-- autovacuum); inserting 20 000 organisations took no longer with it off.
CREATE INDEX IF NOT EXISTS "organisations_name_fold_words" ON "organisations" USING gin (to_tsvector('simple', samspel_fold("name"))) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_fold_words" ON "people" USING gin (to_tsvector('simple', samspel_fold("name"))) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "programmes_name_fold_words" ON "programmes" USING gin (to_tsvector('simple', samspel_fold("name_sv"))) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "courses_name_fold_words" ON "courses" USING gin (to_tsvector('simple', samspel_fold("name_sv"))) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_title_fold_words" ON "activities" USING gin (to_tsvector('simple', samspel_fold("title"))) WITH (fastupdate = off);
