ALTER TABLE "diagnostic_results" ADD COLUMN "brand_id" uuid;--> statement-breakpoint
ALTER TABLE "diagnostic_results" ADD CONSTRAINT "diagnostic_results_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diagnostic_results_brand_id_created_at_idx" ON "diagnostic_results" USING btree ("brand_id","created_at");--> statement-breakpoint
-- Every owned result belongs to a brand: the dashboard, history and coach read one brand's results.
-- Results from before brands held them join their owner's first live brand (created if missing).
INSERT INTO "brands" ("user_id", "name", "is_default")
SELECT DISTINCT r."user_id", 'My brand', true FROM "diagnostic_results" r
WHERE r."user_id" IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM "brands" b WHERE b."user_id" = r."user_id" AND b."deleted_at" IS NULL)
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "diagnostic_results" r SET "brand_id" = (
  SELECT b."id" FROM "brands" b
  WHERE b."user_id" = r."user_id" AND b."deleted_at" IS NULL
  ORDER BY b."created_at", b."id" LIMIT 1
) WHERE r."user_id" IS NOT NULL AND r."brand_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "diagnostic_results" ADD CONSTRAINT "diagnostic_results_owned_by_a_brand" CHECK (("diagnostic_results"."user_id" is null) = ("diagnostic_results"."brand_id" is null));