-- Search (issue 14): the accent-folded name in order, so that a prefix typed without å/ä/ö
-- ("Ostersund") finds "Östersunds kommun" by a btree range read in order instead of among the first
-- candidates of the trigram index. COLLATE "C": the range `>= q and < q || U+10FFFF` is then exactly
-- the prefix, whatever the database's collation; the search query uses exactly this expression.
CREATE INDEX IF NOT EXISTS "organisations_name_fold_prefix" ON "organisations" ((samspel_fold("name") COLLATE "C"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_name_fold_prefix" ON "people" ((samspel_fold("name") COLLATE "C"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "programmes_name_fold_prefix" ON "programmes" ((samspel_fold("name_sv") COLLATE "C"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "courses_name_fold_prefix" ON "courses" ((samspel_fold("name_sv") COLLATE "C"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activities_title_fold_prefix" ON "activities" ((samspel_fold("title") COLLATE "C"));
