import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/start.css';
import './styles/screens.css';
import './styles/outline.css';
import './styles/inspector.css';
import './styles/diagnostics.css';
import './styles/search.css';
import './styles/presentation.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
