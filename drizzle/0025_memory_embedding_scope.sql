ALTER TABLE "memory_embeddings" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "memory_embeddings" ADD COLUMN "scope" text;--> statement-breakpoint
ALTER TABLE "memory_embeddings" ADD COLUMN "scope_id" text;--> statement-breakpoint
ALTER TABLE "memory_embeddings" ADD COLUMN "archived" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "memory_embeddings_recall_idx" ON "memory_embeddings" USING btree ("owner_id","scope","scope_id","model") WHERE not "memory_embeddings"."archived";--> statement-breakpoint
-- Embeddings written before this migration get their memory's owner, scope and archived flag now, so their memories are found by vector at once (the hourly sweep would fill them later).
UPDATE "memory_embeddings" AS e SET "owner_id" = m."owner_id", "scope" = m."scope", "scope_id" = m."scope_id", "archived" = m."archived_at" IS NOT NULL FROM "memories" AS m WHERE m."id" = e."memory_id";
