CREATE TABLE "resource_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"resource_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"text" text NOT NULL,
	"content" "bytea",
	"size_bytes" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"mime_type" text NOT NULL,
	"visibility" text NOT NULL,
	"tags" text[] NOT NULL,
	"metadata" jsonb NOT NULL,
	"filename" text,
	"source_url" text,
	"text" text NOT NULL,
	"content" "bytea",
	"size_bytes" integer NOT NULL,
	"version" integer NOT NULL,
	"fetched_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '')), 'A') || setweight(to_tsvector('simple', left(text, 250000)), 'B')) STORED
);
--> statement-breakpoint
ALTER TABLE "resource_versions" ADD CONSTRAINT "resource_versions_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_versions_resource_version_idx" ON "resource_versions" USING btree ("resource_id","version");--> statement-breakpoint
CREATE INDEX "resources_owner_idx" ON "resources" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "resources_visibility_idx" ON "resources" USING btree ("visibility","id");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");