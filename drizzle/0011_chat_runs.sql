CREATE TABLE "chat_run_chunks" (
	"run_id" text NOT NULL,
	"reply_id" text NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"chunks" text NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_run_chunks_run_id_first_seq_pk" PRIMARY KEY("run_id","first_seq")
);
--> statement-breakpoint
CREATE TABLE "chat_runs" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"reply_id" text,
	"process_id" text NOT NULL,
	"lease_expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_runs_run_id_unique" UNIQUE("run_id")
);
--> statement-breakpoint
ALTER TABLE "chat_run_chunks" ADD CONSTRAINT "chat_run_chunks_reply_id_messages_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_runs" ADD CONSTRAINT "chat_runs_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_run_chunks_written_idx" ON "chat_run_chunks" USING btree ("written_at");--> statement-breakpoint
CREATE INDEX "chat_runs_reply_idx" ON "chat_runs" USING btree ("reply_id");--> statement-breakpoint
CREATE INDEX "chat_runs_lease_idx" ON "chat_runs" USING btree ("lease_expires_at");