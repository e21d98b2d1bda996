-- samspel_fold() (migrations 0004_search, 0038) without translate() for a name whose only letters beyond ASCII are
-- å, ä and ö, in either case — most Swedish names that are not plain ASCII. translate() looks every letter up among
-- the 58 it folds (~4 µs a name); six replace() calls, each a byte search, fold those three letters (~1.5 µs). The
-- replaced text is what translate() makes of those letters, and when nothing beyond ASCII is left translate()
-- would change nothing more: every name folds exactly as before, so the indexes on samspel_fold() stay valid
-- without a rebuild (search.test.ts holds it to the full translation). The body stays one SELECT of one
-- expression so that PostgreSQL inlines it, in queries as in index expressions; hence the replaced text written
-- out where it is used. Measured (pgbench, one connection, 100 000 organisations): the near-names statement of a
-- misspelled search, which folds each of its 60 candidates, 1.00 → 0.85 ms (issue 14, goal 2). UTF-8 only, as 0038.
DO $$
BEGIN
  IF getdatabaseencoding() = 'UTF8' THEN
    CREATE OR REPLACE FUNCTION samspel_fold(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $f$ SELECT CASE WHEN octet_length(t) = char_length(t) THEN lower(t)
        WHEN octet_length(replace(replace(replace(replace(replace(replace(lower(t), 'å', 'a'), 'ä', 'a'), 'ö', 'o'), 'Å', 'a'), 'Ä', 'a'), 'Ö', 'o'))
           = char_length(replace(replace(replace(replace(replace(replace(lower(t), 'å', 'a'), 'ä', 'a'), 'ö', 'o'), 'Å', 'a'), 'Ä', 'a'), 'Ö', 'o'))
          THEN replace(replace(replace(replace(replace(replace(lower(t), 'å', 'a'), 'ä', 'a'), 'ö', 'o'), 'Å', 'a'), 'Ä', 'a'), 'Ö', 'o')
        ELSE translate(lower(t), 'åäöæøéèêëáàâãíìîïóòôõúùûüýÿçñÅÄÖÆØÉÈÊËÁÀÂÃÍÌÎÏÓÒÔÕÚÙÛÜÝŸÇÑ', 'aaoaoeeeeaaaaiiiioooouuuuyycnaaoaoeeeeaaaaiiiioooouuuuyycn') END $f$;
  END IF;
END
$$;
