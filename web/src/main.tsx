import { render } from 'preact';
import { App } from './app';
import './styles.css';
import { registerServiceWorker } from './offline/registerWorker';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html must contain <div id="app">');
render(<App />, root);
registerServiceWorker();
