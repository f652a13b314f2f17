// Props of the progress bar shown while the host works.

import type { Locale } from "../../core";
import type { Operation } from "../useCheck.types";

export interface OperationProgressProps {
  readonly operation: Operation;
  readonly locale: Locale;
  readonly onCancel: () => void;
}
