import { StatusOverview } from "@/components/status/status-overview";
import { getIngestionOverview } from "@/lib/inbox/get-ingestion-overview";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const overview = await getIngestionOverview();
  return <StatusOverview overview={overview} />;
}
