CREATE TABLE "ai_embeddings" (
	"model" text NOT NULL,
	"text_sha256" text NOT NULL,
	"dimensions" integer NOT NULL,
	"embedding" real[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_embeddings_model_text_sha256_pk" PRIMARY KEY("model","text_sha256")
);
--> statement-breakpoint
CREATE INDEX "ai_embeddings_last_used_at_idx" ON "ai_embeddings" USING btree ("last_used_at");