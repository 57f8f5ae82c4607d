// @ts-nocheck
import { render } from 'preact';
import { App } from '../../src/dashboard/App';
import '../../src/dashboard/dashboard.css';

render(<App />, document.getElementById('app')!);
