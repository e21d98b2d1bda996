-- samspel_fold() (migration 0004_search) without its translate() for a name in plain ASCII: translate() looks
-- each letter up among the 58 it folds (some 6 µs a name), and a search folds every candidate it ranks (issue 14,
-- goal 2). In UTF-8 a text whose bytes are as many as its characters is ASCII, which translate() leaves as it
-- is, so every name folds exactly as before and the indexes on samspel_fold() stay valid without a rebuild.
-- In a single-byte encoding every text has as many bytes as characters: the function is left as it was there.
DO $$
BEGIN
  IF getdatabaseencoding() = 'UTF8' THEN
    CREATE OR REPLACE FUNCTION samspel_fold(t text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $f$ SELECT CASE WHEN octet_length(t) = char_length(t) THEN lower(t)
        ELSE translate(lower(t), 'åäöæøéèêëáàâãíìîïóòôõúùûüýÿçñÅÄÖÆØÉÈÊËÁÀÂÃÍÌÎÏÓÒÔÕÚÙÛÜÝŸÇÑ', 'aaoaoeeeeaaaaiiiioooouuuuyycnaaoaoeeeeaaaaiiiioooouuuuyycn') END $f$;
  END IF;
END
$$;
