// @ts-nocheck
import '../people.css';
import type { ViewProps } from '../views';
import { PersonProfile } from './PersonProfile';
import { PersonsList } from './PersonsList';

/** The Persons view: the list at `#/persons`, a profile at `#/persons/<distinct id>`. */
export function PersonsView({ route }: ViewProps) {
  // Keyed by id: another person's profile starts fresh (no stale cohorts shown while loading).
  return route.id ? <PersonProfile key={route.id} route={route} distinctId={route.id} /> : <PersonsList route={route} />;
}
