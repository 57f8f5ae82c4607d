// @ts-nocheck
import { sendMessage } from '../../messaging/protocol';

/** A problem the background reported for one field of a refused save. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** The message of an error from the background, with the field problems a refused save carries. */
export function describeError(error: unknown): { message: string; problems: FieldProblem[] } {
  const problems = (error as { problems?: unknown } | null)?.problems;
  return {
    message: error instanceof Error ? error.message : String(error),
    problems: Array.isArray(problems) ? problems.filter((p): p is FieldProblem => typeof p?.path === 'string' && typeof p?.message === 'string') : [],
  };
}

/** Thin, typed calls the toolbar makes; the background checks every one (site = the tab's). */
export const api = {
  list: (site: string) => sendMessage('actions.list', { site }),
  /** Every other site's actions (read-only), for "Other sites". */
  listAll: (except: string) => sendMessage('actions.listAll', { except }),
  summary: (site: string, url: string) => sendMessage('actions.summary', { site, url }),
  save: (action: Parameters<typeof sendMessage<'actions.save'>>[1]['action']) => sendMessage('actions.save', { action }),
  remove: (id: string) => sendMessage('actions.delete', { id }),
  /** Plan (`dryRun`) or write an import of an actions file into the site. */
  import: (site: string, text: string, dryRun: boolean) => sendMessage('actions.import', { site, text, dryRun }),
  /** The site's actions (or every site's) as a file, with the PostHog compatibility report. */
  export: (site: string, allSites: boolean) => sendMessage('actions.export', { site, allSites }),
  heatmap: (site: string, url: string) => sendMessage('heatmap.clicks', { site, url, match: 'exact' }),
};
