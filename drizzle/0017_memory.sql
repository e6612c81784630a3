CREATE TABLE "memories" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"scope" text NOT NULL,
	"scope_id" text NOT NULL,
	"text" text NOT NULL,
	"normalized" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text,
	"tags" text[] NOT NULL,
	"importance" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"used_count" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "memory_embeddings" (
	"memory_id" text NOT NULL,
	"model" text NOT NULL,
	"dims" integer NOT NULL,
	"vector" real[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "memory_embeddings_memory_id_model_pk" PRIMARY KEY("memory_id","model")
);
--> statement-breakpoint
CREATE TABLE "memory_recalls" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"scope" text NOT NULL,
	"scope_id" text NOT NULL,
	"hits" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_embeddings" ADD CONSTRAINT "memory_embeddings_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_recalls" ADD CONSTRAINT "memory_recalls_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memories_owner_scope_idx" ON "memories" USING btree ("owner_id","scope","scope_id","id");--> statement-breakpoint
CREATE INDEX "memories_owner_normalized_idx" ON "memories" USING btree ("owner_id","normalized");--> statement-breakpoint
CREATE INDEX "memories_search_idx" ON "memories" USING gin ("search");--> statement-breakpoint
-- pg_trgm where the server has it (every PostgreSQL with its contrib modules, the embedded one too);
-- an old PGlite directory being carried over has not, and only needs the tables.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX "memories_text_trgm_idx" ON "memories" USING gin ("text" gin_trgm_ops);
  END IF;
END $$;--> statement-breakpoint
CREATE INDEX "memory_recalls_owner_idx" ON "memory_recalls" USING btree ("owner_id","scope","scope_id","at");