// @ts-nocheck
import './actions.css';
import type { ViewProps } from '../views';
import { ActionPage } from './ActionPage';
import { ActionsList } from './ActionsList';

/** The Actions view: the list at `#/actions`, one action's editor at `#/actions/<id>`. */
export function ActionsView({ route }: ViewProps) {
  return route.id ? <ActionPage key={route.id} route={route} id={route.id} /> : <ActionsList route={route} />;
}
