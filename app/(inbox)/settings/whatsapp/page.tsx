import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuditLogList } from "@/components/settings/whatsapp/audit-log-list";
import { DemoDataCard } from "@/components/settings/whatsapp/demo-data-card";
import { GraphVersionForm } from "@/components/settings/whatsapp/graph-version-form";
import { ReadReceiptsForm } from "@/components/settings/whatsapp/read-receipts-form";
import { PhoneNumbersList } from "@/components/settings/whatsapp/phone-numbers-list";
import { SecretSettingForm } from "@/components/settings/whatsapp/secret-setting-form";
import { TestConnectionPanel } from "@/components/settings/whatsapp/test-connection-panel";
import { WebhookUrlCard } from "@/components/settings/whatsapp/webhook-url-card";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { getDemoData } from "@/lib/demo/get-demo-data";
import { findAuditLogEntries } from "@/lib/settings/find-audit-log-entries";
import { findPhoneNumberSettings } from "@/lib/settings/find-phone-number-settings";
import { findBusinessHoursSettings } from "@/lib/hours/find-business-hours-settings";
import { getWhatsAppSettings } from "@/lib/settings/get-whatsapp-settings";
import { DEFAULT_GRAPH_API_VERSION } from "@/lib/settings/whatsapp-settings";
import { hasDemoData } from "@/lib/views/demo";

export const metadata: Metadata = { title: "WhatsApp connection · WhatsApp Inbox" };

export default async function WhatsAppSettingsPage() {
  await requireAdmin();
  const [view, phoneNumbers, auditLog, demo] = await Promise.all([
    getWhatsAppSettings(),
    findPhoneNumberSettings(),
    findAuditLogEntries({
      limit: 50,
      action: [
        "setting.updated",
        "setting.cleared",
        "phone_number.updated",
        "auto_assignment.updated",
        "business_hours.updated",
        "demo.deleted",
      ],
    }),
    getDemoData(),
  ]);
  const businessHours = await findBusinessHoursSettings({ phoneNumberIds: phoneNumbers.map((number) => number.id) });
  const { settings } = view;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/settings" className="text-sm text-slate-600 underline-offset-2 hover:underline">
          ← Settings
        </Link>
        <h1 className="mt-1 text-xl font-semibold">WhatsApp connection</h1>
        <p className="mt-1 text-sm text-slate-600">
          How Meta reaches this app and how this app calls Meta. Secrets are stored encrypted and only their last four
          characters are ever shown; values set by environment variables win and are locked here.
        </p>
      </div>
      {view.encryption.problem ? <Alert tone="error">{view.encryption.problem}</Alert> : null}

      <Section title="Webhook" description="Paste these into Meta's app dashboard → WhatsApp → Configuration.">
        <WebhookUrlCard
          setting={settings.webhookKey}
          callbackUrlMasked={view.callbackUrlMasked}
          callbackUrlBase={view.callbackUrlBase}
        />
        <SecretSettingForm
          setting={settings.verifyToken}
          description="Meta sends it back when it verifies the callback URL. Any value works, as long as both sides have the same one."
          inputLabel="New verify token"
          hint="Generate one, save it, then paste it into Meta and click Verify and save."
          savedMessage="Verify token saved. Meta's next verification must use it."
          generatedNote="The app generated this token at first start and never shows it in full. Generate a new one to paste into Meta."
          canGenerate
        />
        <SecretSettingForm
          setting={settings.appSecret}
          description={
            <>
              Meta signs every webhook with it (<code>X-Hub-Signature-256</code>). Find it in the app dashboard → App
              Settings → Basic → App Secret. It is not the access token.
            </>
          }
          inputLabel="New App Secret"
          hint="32 hexadecimal characters."
          savedMessage="App Secret saved. The next webhook is checked against it."
          generatedNote="This is a local secret generated at first start (npm run simulate signs with it). Webhooks from Meta fail the signature check until you save your app's App Secret."
        />
      </Section>

      <Section title="Sending" description="What the app uses to call the Graph API.">
        <SecretSettingForm
          setting={settings.accessToken}
          description="A system user access token (Business Settings → System users) with whatsapp_business_messaging and whatsapp_business_management. Temporary tokens from the app dashboard expire after 24 hours."
          inputLabel="New access token"
          savedMessage="Access token saved. Test the connection below."
          canRemove
        />
        <GraphVersionForm
          setting={settings.graphApiVersion}
          effectiveVersion={view.graphApiVersion}
          defaultVersion={DEFAULT_GRAPH_API_VERSION}
        />
        <ReadReceiptsForm setting={settings.readReceipts} />
        <TestConnectionPanel knownPhoneNumberIds={phoneNumbers.map((number) => number.phoneNumberId)} />
      </Section>

      <Section
        title="Phone numbers"
        description="Every number seen in a signed webhook. Name them for the inbox, record their WhatsApp Business Account, and set their business hours, away message and greeting."
      >
        <PhoneNumbersList phoneNumbers={phoneNumbers} businessHours={businessHours} />
      </Section>

      {hasDemoData(demo) || demo.deletedAt ? (
        <Section
          title="Demo data"
          description="What the sandbox demo created, so you can try the inbox without a Meta account."
        >
          <DemoDataCard demo={demo} />
        </Section>
      ) : null}

      <Section title="Audit log" description="Who changed which setting, and when. Values are never recorded.">
        <AuditLogList entries={auditLog} />
      </Section>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <Card>
      <section aria-labelledby={id}>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
        <div className="mt-5 space-y-8 divide-slate-100">{children}</div>
      </section>
    </Card>
  );
}
