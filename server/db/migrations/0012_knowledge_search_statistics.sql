-- Hand-written: knowledge search decides between ranking every match and listing newest first from the
-- planner's estimate of how many items a word matches (server/modules/knowledge/search-plan.ts). With the
-- default statistics target only the ~1,000 most common lexemes (words and adjacent pairs) are tracked, and
-- any other word is estimated at about half the rarest tracked one's frequency: a word in 2 % of 100,000
-- items was estimated at 500. Ten times the target tracks ~10,000 lexemes; ANALYZE samples up to 300,000 rows.
ALTER TABLE knowledge_items ALTER COLUMN search_vector SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE knowledge_items;
