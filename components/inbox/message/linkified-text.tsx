import type { ReactNode } from "react";
import { safeHttpUrl } from "@/lib/views/safe-url";

// Customer text becomes React text nodes and <a> elements only — never HTML. Links are made for
// http(s):// and www. only; every other scheme (javascript:, data:…) stays plain text. WhatsApp's
// *bold* _italic_ ~strike~ and ```monospace``` become elements, following WhatsApp's rule that a
// marker opens after a non-word character and closes before one, on the same line.

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const CODE_BLOCK = /```([\s\S]+?)```/g;
const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", "'", '"', "*", "_", "~", "…"]);
const CLOSING_BRACKETS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const MARKERS = { "*": "strong", _: "em", "~": "s" } as const;
type Marker = keyof typeof MARKERS;
type Link = { start: number; end: number; href: string };

export function LinkifiedText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <div dir="auto" className={`whitespace-pre-wrap break-words ${className}`}>
      {renderFormatted(text)}
    </div>
  );
}

function renderFormatted(text: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(CODE_BLOCK)) {
    const start = match.index;
    if (start > last) nodes.push(...renderInline(text.slice(last, start), `t${start}`));
    nodes.push(
      <code key={`c${start}`} className="rounded bg-slate-900/5 px-1 font-mono text-[0.92em]">
        {match[1]}
      </code>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) nodes.push(...renderInline(text.slice(last), `t${last}`));
  return nodes;
}

function renderInline(text: string, keyPrefix: string): ReactNode[] {
  const links = findLinks(text);
  const linkAt = new Map(links.map((link) => [link.start, link]));
  const closers = findClosers(text, links);
  let key = 0;

  const parse = (start: number, end: number, active: ReadonlySet<Marker>): ReactNode[] => {
    const out: ReactNode[] = [];
    let plainFrom = start;
    const flush = (until: number) => {
      if (until > plainFrom) out.push(text.slice(plainFrom, until));
    };
    let i = start;
    while (i < end) {
      const link = linkAt.get(i);
      if (link && link.end <= end) {
        flush(i);
        out.push(
          <a
            key={`${keyPrefix}-${key++}`}
            href={link.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-emerald-800 underline decoration-emerald-800/40 underline-offset-2 hover:decoration-emerald-800"
          >
            {text.slice(link.start, link.end)}
          </a>,
        );
        i = plainFrom = link.end;
        continue;
      }
      const char = text[i] as string;
      if (isMarker(char) && !active.has(char) && canOpen(text, i)) {
        const close = firstCloser(closers[char], i + 2, end, text);
        if (close !== -1) {
          flush(i);
          const Tag = MARKERS[char];
          out.push(<Tag key={`${keyPrefix}-${key++}`}>{parse(i + 1, close, new Set([...active, char]))}</Tag>);
          i = plainFrom = close + 1;
          continue;
        }
      }
      i++;
    }
    flush(end);
    return out;
  };

  return parse(0, text.length, new Set());
}

function findLinks(text: string): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const shown = trimTrailing(match[0]);
    const href = safeHttpUrl(/^www\./i.test(shown) ? `https://${shown}` : shown);
    if (href === null || /^(?:https?:\/\/|www\.)$/i.test(shown)) continue;
    links.push({ start: match.index, end: match.index + shown.length, href });
  }
  return links;
}

/** "see https://example.com/a)." links "https://example.com/a" unless the ")" closes a "(" inside it. */
function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0) {
    const char = url[end - 1] as string;
    const opening = CLOSING_BRACKETS[char];
    if (TRAILING_PUNCTUATION.has(char)) {
      end--;
    } else if (opening !== undefined && count(url.slice(0, end), opening) < count(url.slice(0, end), char)) {
      end--;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isMarker(char: string): char is Marker {
  return Object.hasOwn(MARKERS, char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

function canOpen(text: string, i: number): boolean {
  const next = text[i + 1];
  return !isWordChar(text[i - 1]) && !isSpace(next) && next !== text[i];
}

/** Positions where each marker may close, sorted, outside links — so finding one is a search, not a scan. */
function findClosers(text: string, links: Link[]): Record<Marker, number[]> {
  const closers: Record<Marker, number[]> = { "*": [], _: [], "~": [] };
  let linkIndex = 0;
  for (let j = 1; j < text.length; j++) {
    while (linkIndex < links.length && (links[linkIndex] as Link).end <= j) linkIndex++;
    const link = links[linkIndex];
    if (link && link.start <= j) continue;
    const char = text[j] as string;
    if (isMarker(char) && !isSpace(text[j - 1]) && !isWordChar(text[j + 1])) closers[char].push(j);
  }
  return closers;
}

function firstCloser(positions: number[], from: number, end: number, text: string): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((positions[mid] as number) < from) low = mid + 1;
    else high = mid;
  }
  const close = positions[low];
  if (close === undefined || close >= end) return -1;
  const newline = text.indexOf("\n", from - 1);
  return newline !== -1 && newline < close ? -1 : close;
}
