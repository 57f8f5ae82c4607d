// @ts-nocheck
import '../people.css';
import type { ViewProps } from '../views';
import { SessionPage } from './SessionPage';
import { SessionsList } from './SessionsList';

/** The Sessions view: the list at `#/sessions`, one session at `#/sessions/<id>`. */
export function SessionsView({ route }: ViewProps) {
  return route.id ? <SessionPage key={route.id} route={route} id={route.id} /> : <SessionsList route={route} />;
}
