import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadRuntimeConfig } from './runtime-config';
import { takeScreenPopFromUrl } from './screen-pop';
import './styles.css';

takeScreenPopFromUrl();
const root = createRoot(document.getElementById('root')!);
loadRuntimeConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  )
  .catch((error: Error) => root.render(<p role="alert">{error.message}</p>));
