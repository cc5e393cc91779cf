// The fault suite runs the production build, like the integration tests; it brings up its own
// Postgres and app (tests/faults/harness.ts), so nothing else is shared.
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root } from "../support/processes";

export default function setup() {
  buildIfNeeded({ root });
}
