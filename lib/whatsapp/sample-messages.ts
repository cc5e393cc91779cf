import type { JsonObject } from "./json";
import {
  SAMPLE_CUSTOMER_WA_ID,
  SAMPLE_DISPLAY_PHONE_NUMBER,
  sampleMedia as media,
  sampleWamid,
  type SampleMessageOptions,
  type SampleMessageType,
} from "./sample-common";

export {
  SAMPLE_CUSTOMER_WA_ID,
  SAMPLE_DISPLAY_PHONE_NUMBER,
  SAMPLE_MESSAGE_TYPES,
  sampleWamid,
  type SampleMessageOptions,
  type SampleMessageType,
} from "./sample-common";

// Inbound message objects shaped like Meta's webhooks/reference/messages examples, for the
// simulate CLI and tests. Defaults are random so that repeated simulations are new messages
// (the inbox deduplicates by wamid); pass `wamid` for deterministic output.

function body(type: SampleMessageType, text: string | undefined, options: SampleMessageOptions): JsonObject {
  const caption = (fallback: string) => ({ caption: text ?? fallback });
  switch (type) {
    case "text":
      return {
        type: "text",
        text: { body: text ?? "Olá! Is my order #1042 on its way? 📦" },
      };
    case "text-with-referral":
      return {
        type: "text",
        text: {
          body: text ?? "Hi, I saw your ad — is the café menu still 20% off?",
        },
        referral: {
          source_url: "https://fb.me/3cr4Wqqkb",
          source_id: "120208342311450578",
          source_type: "ad",
          body: "Weekend brunch, 20% off for new guests",
          headline: "Chat with us on WhatsApp",
          media_type: "image",
          image_url: "https://scontent.xx.fbcdn.net/v/t45.1600-4/brunch.jpg",
          ctwa_clid: "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-ZABI",
        },
      };
    case "image":
      return {
        type: "image",
        image: media("image/jpeg", caption("Photo of the damaged box")),
      };
    case "audio":
      return { type: "audio", audio: media("audio/mpeg", { voice: false }) };
    case "voice":
      return {
        type: "audio",
        audio: media("audio/ogg; codecs=opus", { voice: true }),
      };
    case "video":
      return {
        type: "video",
        video: media("video/mp4", caption("Unboxing, see 0:42")),
      };
    case "document":
      return {
        type: "document",
        document: media("application/pdf", {
          filename: "facture-2024-117.pdf",
          ...caption("Invoice attached"),
        }),
      };
    case "sticker":
      return {
        type: "sticker",
        sticker: media("image/webp", { animated: false }),
      };
    case "location":
      return {
        type: "location",
        location: {
          latitude: 48.8583701,
          longitude: 2.2944813,
          name: text ?? "Tour Eiffel",
          address: "Champ de Mars, 5 Av. Anatole France, 75007 Paris, France",
          url: "https://www.toureiffel.paris/",
        },
      };
    case "contacts":
      return {
        type: "contacts",
        contacts: [
          {
            name: {
              formatted_name: text ?? "Zoë Martin",
              first_name: "Zoë",
              last_name: "Martin",
            },
            phones: [
              {
                phone: "+1 (650) 555-0199",
                wa_id: "16505550199",
                type: "CELL",
              },
            ],
            emails: [{ email: "zoe@example.com", type: "WORK" }],
            org: { company: "Example Ltd", title: "Buyer" },
          },
        ],
      };
    case "interactive-button":
      return {
        type: "interactive",
        interactive: {
          type: "button_reply",
          button_reply: {
            id: "confirm-delivery",
            title: text ?? "Yes, deliver",
          },
        },
      };
    case "interactive-list":
      return {
        type: "interactive",
        interactive: {
          type: "list_reply",
          list_reply: {
            id: "slot-tue-am",
            title: text ?? "Tuesday morning",
            description: "09:00 – 12:00",
          },
        },
      };
    case "interactive-nfm":
      return {
        type: "interactive",
        interactive: {
          type: "nfm_reply",
          nfm_reply: {
            response_json: JSON.stringify({
              flow_token: "flow-token-7781",
              rating: "5",
              comment: text ?? "Great service",
            }),
            body: "Sent",
            name: "flow",
          },
        },
      };
    case "button":
      return {
        type: "button",
        button: { payload: "STOP_PROMOTIONS", text: text ?? "Stop promotions" },
      };
    case "reaction":
      return {
        type: "reaction",
        reaction: {
          message_id: options.targetWamid ?? sampleWamid(),
          emoji: options.emoji ?? "👍",
        },
      };
    case "order":
      return {
        type: "order",
        order: {
          catalog_id: "1426389704792432",
          text: text ?? "Please gift-wrap the mug",
          product_items: [
            {
              product_retailer_id: "mug-blue-01",
              quantity: 2,
              item_price: 12.5,
              currency: "EUR",
            },
            {
              product_retailer_id: "tea-earl-grey",
              quantity: 1,
              item_price: 7.9,
              currency: "EUR",
            },
          ],
        },
      };
    case "system":
      return {
        type: "system",
        system: {
          body: text ?? "User Ana changed from 16505551234 to 16505559876",
          wa_id: "16505559876",
          type: "user_changed_number",
        },
      };
    case "request_welcome":
      return { type: "request_welcome" };
    case "unsupported":
      return {
        type: "unsupported",
        errors: [
          {
            code: 131051,
            title: "Message type unknown",
            message: "Message type unknown",
            error_data: { details: "Message type is currently not supported." },
          },
        ],
        unsupported: { type: "poll_creation" },
      };
    case "unknown":
      return {
        type: "hologram",
        hologram: { id: "1093876421195840", depth_layers: 3 },
      };
  }
}

/** One entry of `value.messages[]` as Meta sends it. */
export function sampleInboundMessage(type: SampleMessageType, options: SampleMessageOptions = {}): JsonObject {
  const from = options.from ?? SAMPLE_CUSTOMER_WA_ID;
  const message: JsonObject = {
    from,
    id: options.wamid ?? sampleWamid(from),
    timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
  };
  // Template quick replies always point at the template they answer.
  const contextWamid = options.contextWamid ?? (type === "button" ? sampleWamid(from) : undefined);
  if (contextWamid) message.context = { from: SAMPLE_DISPLAY_PHONE_NUMBER, id: contextWamid };
  return { ...message, ...body(type, options.text, options) };
}
