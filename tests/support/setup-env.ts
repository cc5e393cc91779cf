// Points lib/db at the run's test database inside each test worker.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.WHATSAPP_APP_SECRET = inject("appSecret");
process.env.WHATSAPP_WEBHOOK_KEY = inject("webhookKey");
process.env.WHATSAPP_VERIFY_TOKEN = inject("verifyToken");
