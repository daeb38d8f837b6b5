CREATE TABLE "value_lens_generations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"avatar_id" uuid,
	"avatar_name" text,
	"used_canvas" boolean DEFAULT false NOT NULL,
	"input" jsonb NOT NULL,
	"output" jsonb NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" integer NOT NULL,
	"cached" boolean DEFAULT false NOT NULL,
	"notice" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "value_lens_generations" ADD CONSTRAINT "value_lens_generations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_lens_generations" ADD CONSTRAINT "value_lens_generations_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_lens_generations" ADD CONSTRAINT "value_lens_generations_avatar_id_workspace_items_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."workspace_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "value_lens_generations_history_idx" ON "value_lens_generations" USING btree ("user_id","brand_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "value_lens_generations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "value_lens_generations_brand_id_idx" ON "value_lens_generations" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "value_lens_generations_avatar_id_idx" ON "value_lens_generations" USING btree ("avatar_id");