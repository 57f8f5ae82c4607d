// @ts-nocheck
import '../cohorts.css';
import type { ViewProps } from '../views';
import { CohortPage } from './CohortPage';
import { CohortsList } from './CohortsList';
import { COHORT_IDS_KEY } from '../persons/selection';

/** The Cohorts view: the list at `#/cohorts`, one cohort at `#/cohorts/<id>`, a new one at `#/cohorts/new` (`?ids=…` makes it static with those distinct ids: the persons list's selection). */
export function CohortsView({ route }: ViewProps) {
  return (
    <section aria-labelledby="view-title">
      <h2 id="view-title">{route.id === 'new' ? 'New cohort' : route.id ? 'Cohort' : 'Cohorts'}</h2>
      {route.id ? <CohortPage key={route.id} id={route.id} staticIds={route.query.getAll(COHORT_IDS_KEY)} /> : <CohortsList />}
    </section>
  );
}
