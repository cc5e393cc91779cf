// autocannon ships no types and @types/autocannon is not installed: just the surface the
// benchmark uses, so the load generator stays strictly typed.
declare module "autocannon" {
  type Headers = Record<string, string>;
  export type AutocannonRequest = {
    method?: "GET" | "POST";
    path?: string;
    headers?: Headers;
    body?: string | Buffer;
    setupRequest?: (
      request: AutocannonRequest & { headers: Headers },
      context: Record<string, unknown>,
    ) => AutocannonRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
  };
  export type Histogram = {
    average: number;
    mean: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
  };
  export type AutocannonResult = {
    latency: Histogram;
    requests: Histogram & { total: number; sent: number };
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
    start: Date;
    finish: Date;
  };
  export type AutocannonOptions = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    timeout?: number;
    method?: "GET" | "POST";
    headers?: Headers;
    requests?: AutocannonRequest[];
  };
  export type Instance = Promise<AutocannonResult> & { stop: () => void };
  export default function autocannon(options: AutocannonOptions): Instance;
}
