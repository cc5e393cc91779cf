// The ingest benchmark's ceiling: a POST route that reads the body Next hands it and answers 200,
// nothing else. Built only into the benchmark's own build (.next-bench, where next.config.ts adds the
// `bench.ts` page extension); the product's build does not see this file as a route.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  await request.arrayBuffer();
  return new Response(null, { status: 200 });
}
