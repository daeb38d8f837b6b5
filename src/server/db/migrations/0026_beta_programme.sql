CREATE TABLE "beta_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"text_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"joined_via" text NOT NULL,
	"left_at" timestamp with time zone,
	"left_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beta_step_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"step" text NOT NULL,
	"rating" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beta_memberships" ADD CONSTRAINT "beta_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beta_step_feedback" ADD CONSTRAINT "beta_step_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beta_memberships_user_id_idx" ON "beta_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "beta_memberships_one_live_per_user" ON "beta_memberships" USING btree ("user_id") WHERE "beta_memberships"."left_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "beta_step_feedback_user_step_idx" ON "beta_step_feedback" USING btree ("user_id","step");