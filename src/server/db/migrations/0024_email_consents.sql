CREATE TABLE "email_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"lead_id" uuid,
	"source" text NOT NULL,
	"text_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"tips_dimension" text NOT NULL,
	"tips_sent" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "email_consents" ADD CONSTRAINT "email_consents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_consents" ADD CONSTRAINT "email_consents_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_consents_email_purpose_idx" ON "email_consents" USING btree ("email","purpose");--> statement-breakpoint
CREATE INDEX "email_consents_user_id_idx" ON "email_consents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "email_consents_lead_id_idx" ON "email_consents" USING btree ("lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_consents_one_live_per_purpose" ON "email_consents" USING btree ("email","purpose") WHERE "email_consents"."withdrawn_at" is null;