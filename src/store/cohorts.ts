import type { CohortDefinition } from '../cohorts';
/** One saved cohort (src/store/cohorts.ts). */
export interface CohortRow {
  id: string;
  name: string;
  definition: CohortDefinition;
  created_at: string;
  updated_at: string;
}
