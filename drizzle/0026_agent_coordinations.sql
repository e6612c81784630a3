CREATE TABLE "agent_coordinations" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"status" text NOT NULL,
	"goal" text NOT NULL,
	"timeout_ms" integer NOT NULL,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" text,
	"error" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "agent_coordinations" ADD CONSTRAINT "agent_coordinations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_coordinations_owner_idx" ON "agent_coordinations" USING btree ("owner_id","id");