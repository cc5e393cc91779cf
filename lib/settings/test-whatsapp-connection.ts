import "server-only";
import { createGraphClient, describeGraphFailure } from "@/lib/whatsapp/graph-client";
import { maskSecret } from "./encryption";
import { getGraphApiConfig } from "./get-graph-api-config";
import type { TestConnectionBody } from "./schemas";
import type { TestConnectionResult } from "@/lib/views/settings";

/** `GET /{version}/{phone-number-id}` with the saved token: does the connection work? */
export async function testWhatsAppConnection({ phoneNumberId }: TestConnectionBody): Promise<TestConnectionResult> {
  const config = await getGraphApiConfig();
  const graphApiVersion = config.version;
  if (!config.accessToken) {
    return {
      ok: false,
      graphApiVersion,
      message: "No access token is saved yet. Add a system user access token above, then test again.",
      meta: null,
    };
  }
  const token = config.accessToken;
  const client = createGraphClient({ baseUrl: config.baseUrl, version: graphApiVersion, accessToken: token });
  const result = await client.getPhoneNumber(phoneNumberId);
  if (result.ok) {
    const number = result.data;
    return {
      ok: true,
      graphApiVersion,
      phoneNumber: {
        id: number.id,
        displayPhoneNumber: number.display_phone_number ?? null,
        verifiedName: number.verified_name ?? null,
        qualityRating: number.quality_rating ?? null,
        codeVerificationStatus: number.code_verification_status ?? null,
        platformType: number.platform_type ?? null,
        nameStatus: number.name_status ?? null,
        throughputLevel: number.throughput?.level ?? null,
      },
    };
  }
  const { failure } = result;
  // Meta's messages do not quote tokens, but a proxy's might: never pass one on.
  const redact = (text: string) => text.split(token).join(maskSecret(token));
  return {
    ok: false,
    graphApiVersion,
    message: redact(describeGraphFailure(failure)),
    meta:
      failure.kind === "meta"
        ? {
            code: failure.code,
            subcode: failure.subcode,
            type: failure.type,
            message: redact(failure.message),
            fbtraceId: failure.fbtraceId,
          }
        : null,
  };
}
