// @ts-nocheck
import { render } from 'preact';
import { OptionsPage } from '../../src/options/OptionsPage';
import '../../src/options/options.css';

render(<OptionsPage />, document.getElementById('app')!);
