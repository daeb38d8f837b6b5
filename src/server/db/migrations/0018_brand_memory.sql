CREATE TABLE "brand_memories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"text" text NOT NULL,
	"source" text DEFAULT 'owner' NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brand_memories_text_length" CHECK (char_length("brand_memories"."text") between 1 and 500),
	CONSTRAINT "brand_memories_source" CHECK ("brand_memories"."source" in ('owner', 'coach-suggested'))
);
--> statement-breakpoint
ALTER TABLE "brand_memories" ADD CONSTRAINT "brand_memories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_memories" ADD CONSTRAINT "brand_memories_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brand_memories_brand_id_idx" ON "brand_memories" USING btree ("brand_id","created_at","id");--> statement-breakpoint
CREATE INDEX "brand_memories_user_id_idx" ON "brand_memories" USING btree ("user_id");