CREATE TABLE "research_brand_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"own" jsonb NOT NULL,
	"competitors" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_intent_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"brand_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"industry" text,
	"term_count" integer NOT NULL,
	"total_terms" integer NOT NULL,
	"counts" jsonb NOT NULL,
	"volume_label" text,
	"has_clicks" boolean DEFAULT false NOT NULL,
	"result" jsonb NOT NULL,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" integer NOT NULL,
	"cached" boolean DEFAULT false NOT NULL,
	"notice" jsonb,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "research_intent_runs_source" CHECK ("research_intent_runs"."source" in ('paste', 'csv'))
);
--> statement-breakpoint
ALTER TABLE "research_brand_names" ADD CONSTRAINT "research_brand_names_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_brand_names" ADD CONSTRAINT "research_brand_names_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_intent_runs" ADD CONSTRAINT "research_intent_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_intent_runs" ADD CONSTRAINT "research_intent_runs_brand_id_brands_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brands"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "research_brand_names_brand_unique" ON "research_brand_names" USING btree ("brand_id");--> statement-breakpoint
CREATE INDEX "research_brand_names_user_id_idx" ON "research_brand_names" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "research_intent_runs_list_idx" ON "research_intent_runs" USING btree ("user_id","brand_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "research_intent_runs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "research_intent_runs_brand_id_idx" ON "research_intent_runs" USING btree ("brand_id");