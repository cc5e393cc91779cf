import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyInbox } from "@/components/inbox/empty-inbox";

const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");

describe("the empty inbox's words", () => {
  it("in sandbox mode, points at the simulator", () => {
    const html = renderToStaticMarkup(<EmptyInbox filtered={false} sandbox />);
    expect(visibleText(html)).toContain("No open conversations");
    expect(visibleText(html)).toContain("write as a simulated customer on the Simulator");
    expect(html).toContain('href="/sandbox"');
    expect(visibleText(html)).not.toContain("npm run simulate");
  });

  it("otherwise, says to connect the number with Meta", () => {
    const html = renderToStaticMarkup(<EmptyInbox filtered={false} sandbox={false} />);
    expect(visibleText(html)).toContain("the moment Meta delivers it");
    expect(visibleText(html)).toContain("Settings → WhatsApp connection");
    expect(html).not.toContain('href="/sandbox"');
  });

  it("a filter that matched nothing is not an empty inbox", () => {
    const text = visibleText(renderToStaticMarkup(<EmptyInbox filtered sandbox />));
    expect(text).toContain("No conversations match");
    expect(text).toContain("Try another filter or search.");
    expect(text).not.toContain("Simulator");
  });
});
