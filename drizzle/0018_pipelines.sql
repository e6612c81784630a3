CREATE TABLE "workflow_run_items" (
	"run_id" text NOT NULL,
	"index" integer NOT NULL,
	"label" text NOT NULL,
	"item" jsonb NOT NULL,
	"status" text NOT NULL,
	"output" jsonb,
	"error" jsonb,
	"ended_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workflow_run_items_run_id_index_pk" PRIMARY KEY("run_id","index")
);
--> statement-breakpoint
CREATE TABLE "workflow_step_cache" (
	"owner_id" text NOT NULL,
	"key" text NOT NULL,
	"subject" text NOT NULL,
	"output" jsonb,
	"model" text,
	"input_tokens" integer,
	"output_tokens" integer,
	"hits" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workflow_step_cache_owner_id_key_pk" PRIMARY KEY("owner_id","key")
);
--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "items_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "items_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "items_failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_runs" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workflow_run_items" ADD CONSTRAINT "workflow_run_items_run_id_workflow_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."workflow_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_step_cache" ADD CONSTRAINT "workflow_step_cache_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_run_items_status_idx" ON "workflow_run_items" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "workflow_step_cache_expires_idx" ON "workflow_step_cache" USING btree ("expires_at");