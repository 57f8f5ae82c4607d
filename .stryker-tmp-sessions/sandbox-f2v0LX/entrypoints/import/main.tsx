// @ts-nocheck
import { render } from 'preact';
import { ImportPage } from '../../src/import-page/ImportPage';
import '../../src/import-page/import-page.css';

render(<ImportPage />, document.getElementById('app')!);
