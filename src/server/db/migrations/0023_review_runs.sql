CREATE TABLE "review_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"avatar_id" uuid,
	"mapping" jsonb,
	"review_count" integer NOT NULL,
	"result" jsonb NOT NULL,
	"reviews" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "review_runs" ADD CONSTRAINT "review_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_runs" ADD CONSTRAINT "review_runs_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_runs" ADD CONSTRAINT "review_runs_avatar_id_workspace_items_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."workspace_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_runs_list_idx" ON "review_runs" USING btree ("user_id","brand_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "review_runs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "review_runs_brand_id_idx" ON "review_runs" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "review_runs_avatar_id_idx" ON "review_runs" USING btree ("avatar_id");