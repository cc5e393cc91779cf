// The one definition of a template's parameters (lib/views/template.ts) — what the browser's form
// and the server's check share — and the readers of Meta's template shapes.
import { describe, expect, it } from "vitest";
import {
  headerMediaType,
  renderTemplate,
  templateComponents,
  templateFields,
  templateUnavailableReason,
  templateValueErrors,
} from "../../lib/views/template";
import { readTemplateDefinition, readTemplateEvent } from "../../lib/whatsapp/template-schema";

const positional = readTemplateDefinition({
  parameterFormat: "POSITIONAL",
  components: [
    { type: "HEADER", format: "TEXT", text: "Order {{1}}", example: { header_text: ["A-1"] } },
    { type: "BODY", text: "Hi {{1}}, it ships {{2}}. Thanks {{1}}!", example: { body_text: [["Anna", "today"]] } },
    { type: "FOOTER", text: "Shop" },
    {
      type: "BUTTONS",
      buttons: [
        { type: "URL", text: "Track", url: "https://shop.example/t/{{1}}" },
        { type: "PHONE_NUMBER", text: "Call", phone_number: "+15550001111" },
        { type: "QUICK_REPLY", text: "Stop" },
      ],
    },
    "not a component",
  ],
});

describe("template parameters", () => {
  it("lists every parameter once, in form order, with Meta's limits and examples", () => {
    expect(templateFields(positional).map((field) => [field.key, field.maxLength, field.example])).toEqual([
      ["header.1", 60, "A-1"],
      ["body.1", 1024, "Anna"],
      ["body.2", 1024, "today"],
      ["button.0", 2000, null],
      ["button.2", 1000, null],
    ]);
  });

  it("renders what the customer sees and builds Meta's positional components", () => {
    const values = { "header.1": "A-9", "body.1": "Bo", "body.2": "now", "button.0": "A 9" };
    expect(renderTemplate(positional, values)).toMatchObject({
      header: "Order A-9",
      body: "Hi Bo, it ships now. Thanks Bo!",
      footer: "Shop",
      buttons: [
        { type: "URL", text: "Track", url: "https://shop.example/t/A%209" },
        { text: "Call" },
        { text: "Stop" },
      ],
    });
    expect(templateComponents(positional, values)).toEqual([
      { type: "header", parameters: [{ type: "text", text: "A-9" }] },
      {
        type: "body",
        parameters: [
          { type: "text", text: "Bo" },
          { type: "text", text: "now" },
        ],
      },
      { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "A 9" }] },
    ]);
  });

  it("refuses missing, over-long, multi-line and unknown values", () => {
    const errors = templateValueErrors(positional, {
      "header.1": "x".repeat(61),
      "body.1": "a\tb",
      "body.9": "?",
    });
    expect(errors["header.1"]).toMatch(/longer than 60/);
    expect(errors["body.1"]).toMatch(/new lines, tabs/);
    expect(errors["body.2"]).toMatch(/required/);
    expect(errors["button.0"]).toMatch(/required/);
    expect(errors["button.2"]).toBeUndefined(); // a quick-reply payload is optional
    expect(errors["body.9"]).toMatch(/not a parameter/);
  });

  it("says why a template cannot be sent", () => {
    const base = { status: "APPROVED", reason: null, agentUsable: true, definition: positional };
    expect(templateUnavailableReason(base)).toBeNull();
    expect(templateUnavailableReason({ ...base, status: "PAUSED", reason: "LOW_QUALITY" })).toMatch(
      /^PAUSED \(LOW_QUALITY\)/,
    );
    expect(templateUnavailableReason({ ...base, agentUsable: false })).toMatch(/Not enabled/);
    const image = readTemplateDefinition({
      parameterFormat: "POSITIONAL",
      components: [
        { type: "HEADER", format: "IMAGE" },
        { type: "BODY", text: "Hi" },
      ],
    });
    expect(templateUnavailableReason({ ...base, definition: image })).toBeNull();
    const location = readTemplateDefinition({
      parameterFormat: "POSITIONAL",
      components: [
        { type: "HEADER", format: "LOCATION" },
        { type: "BODY", text: "Hi" },
      ],
    });
    expect(templateUnavailableReason({ ...base, definition: location })).toMatch(/location header.*cannot send yet/);
  });

  it("sends a media header as a parameter of its type, the file's id left to the upload", () => {
    const document = readTemplateDefinition({
      parameterFormat: "POSITIONAL",
      components: [
        { type: "HEADER", format: "DOCUMENT" },
        { type: "BODY", text: "Your invoice {{1}}" },
      ],
    });
    expect(headerMediaType(document)).toBe("document");
    const file = { sha256: "a".repeat(64), mimeType: "application/pdf", filename: "invoice.pdf" };
    expect(templateComponents(document, { "body.1": "#42" }, file)).toEqual([
      { type: "header", parameters: [{ type: "document", document: { filename: "invoice.pdf" } }] },
      { type: "body", parameters: [{ type: "text", text: "#42" }] },
    ]);
    expect(headerMediaType(positional)).toBeNull();
  });

  it("names parameters in NAMED templates", () => {
    const named = readTemplateDefinition({
      parameterFormat: "NAMED",
      components: [
        {
          type: "BODY",
          text: "Hi {{first_name}}",
          example: { body_text_named_params: [{ param_name: "first_name", example: "Al" }] },
        },
        { type: "BUTTONS", buttons: [{ type: "COPY_CODE", example: "SAVE" }] },
      ],
    });
    expect(templateComponents(named, { "body.first_name": "Al", "button.0": "SAVE10" })).toEqual([
      { type: "body", parameters: [{ type: "text", parameter_name: "first_name", text: "Al" }] },
      {
        type: "button",
        sub_type: "copy_code",
        index: "0",
        parameters: [{ type: "coupon_code", coupon_code: "SAVE10" }],
      },
    ]);
    expect(templateValueErrors(named, { "body.first_name": "Al", "button.0": "x".repeat(16) })["button.0"]).toMatch(
      /longer than 15/,
    );
  });
});

describe("template webhooks", () => {
  it("reads the three kinds, with ids past 2^53 as text", () => {
    const common = {
      message_template_id: "1689556908129832123",
      message_template_name: "promo",
      message_template_language: "fr",
    };
    expect(
      readTemplateEvent("message_template_status_update", {
        ...common,
        event: "PAUSED",
        reason: "NONE",
        other_info: { title: "SECOND_PAUSE", description: "Paused for 6 hours" },
      }),
    ).toMatchObject({ metaId: "1689556908129832123", status: "PAUSED", reason: "Paused for 6 hours" });
    expect(readTemplateEvent("message_template_status_update", { ...common, event: "REINSTATED" })?.status).toBe(
      "APPROVED",
    );
    expect(readTemplateEvent("message_template_status_update", { ...common, event: "FLAGGED" })?.status).toBeNull();
    expect(
      readTemplateEvent("template_category_update", {
        ...common,
        previous_category: "UTILITY",
        new_category: "MARKETING",
      }),
    ).toMatchObject({ category: "MARKETING", status: null });
    expect(readTemplateEvent("message_template_quality_update", { ...common, new_quality_score: "RED" })).toMatchObject(
      { quality: "RED", status: null },
    );
    expect(readTemplateEvent("message_template_status_update", { event: "APPROVED" })).toBeNull();
  });
});
