CREATE TABLE "database_identity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"singleton" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "database_identity_singleton_unique" UNIQUE("singleton"),
	CONSTRAINT "database_identity_one_row" CHECK ("database_identity"."singleton")
);
--> statement-breakpoint
-- This database's identity, made once, here: backups carry it and rotate only their own (ADR 0032).
INSERT INTO "database_identity" DEFAULT VALUES ON CONFLICT ("singleton") DO NOTHING;
