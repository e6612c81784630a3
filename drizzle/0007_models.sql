CREATE TABLE "model_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"default_model" text NOT NULL,
	"allowed_models" text[] NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
