-- Keep each passage's tsvector in its row (PostgreSQL's "main" storage) rather than in the TOAST
-- table. A passage row is around 2 kB, just over the size at which PostgreSQL starts to toast, and
-- with the default storage the tsvector (which barely compresses) was moved out of line in most
-- rows: every search then fetched it from TOAST for each matching passage, once to match and once
-- to rank (about 22,000 buffer reads instead of 2,300 for a word in 9,400 of a brand's 10,000
-- passages; `npm run bench:knowledge`). The passage text is compressed or moved out instead; it is
-- read only for the few hits returned. Drizzle's schema cannot express column storage, hence a
-- hand-written migration. Rows written before it keep their layout until their source is re-indexed.
ALTER TABLE "knowledge_chunks" ALTER COLUMN "search" SET STORAGE MAIN;
