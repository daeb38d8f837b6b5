CREATE INDEX "knowledge_chunks_source_id_type_idx" ON "knowledge_chunks" USING btree ("source_id","source_type");--> statement-breakpoint
DROP INDEX "knowledge_chunks_source_idx";