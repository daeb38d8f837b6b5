-- Every conversation belongs to a brand: the coach reads that brand's workspace and no other.
-- Conversations from before brands existed join the user's first live brand (created if missing).
INSERT INTO "brands" ("user_id", "name", "is_default")
SELECT DISTINCT s."user_id", 'My brand', true FROM "chat_sessions" s
WHERE s."brand_id" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "brands" b WHERE b."user_id" = s."user_id" AND b."deleted_at" IS NULL);
--> statement-breakpoint
UPDATE "chat_sessions" s SET "brand_id" = (
  SELECT b."id" FROM "brands" b
  WHERE b."user_id" = s."user_id" AND b."deleted_at" IS NULL
  ORDER BY b."created_at", b."id" LIMIT 1
) WHERE s."brand_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "chat_sessions" ALTER COLUMN "brand_id" SET NOT NULL;
