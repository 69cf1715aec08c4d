import { useRef, useState } from 'react';
import { BatchView } from './components/BatchView.jsx';
import { SingleView } from './components/SingleView.jsx';

const TABS = [
  { id: 'single', label: 'Single log' },
  { id: 'batch', label: 'Batch file' },
];

/** Two views behind an ARIA tab list (arrow keys move between tabs); both stay mounted so a running batch survives a look at the other. */
export function App() {
  const [active, setActive] = useState(() => (window.location.hash === '#batch' ? 'batch' : 'single'));
  const tabRefs = useRef({});

  function select(id) {
    setActive(id);
    window.history.replaceState(null, '', `#${id}`);
  }

  function onKeyDown(event) {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) {
      return;
    }
    const next = TABS[(TABS.findIndex((tab) => tab.id === active) + step + TABS.length) % TABS.length].id;
    select(next);
    tabRefs.current[next]?.focus();
  }

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="top">
        <h1>OpenSOC <span className="tagline">security log triage</span></h1>
        <nav>
          <div role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
            {TABS.map((tab) => (
              <button
                key={tab.id}
                id={`tab-${tab.id}`}
                ref={(node) => { tabRefs.current[tab.id] = node; }}
                role="tab"
                type="button"
                aria-selected={active === tab.id}
                aria-controls={`panel-${tab.id}`}
                tabIndex={active === tab.id ? 0 : -1}
                onClick={() => select(tab.id)}
              >
                {tab.label}
              </button>
            ))}
          </div>
          <a className="api-link" href="/q/swagger-ui">API</a>
        </nav>
      </header>
      <main id="main">
        {TABS.map((tab) => (
          <section key={tab.id} id={`panel-${tab.id}`} role="tabpanel" aria-labelledby={`tab-${tab.id}`} hidden={active !== tab.id}>
            {tab.id === 'single' ? <SingleView /> : <BatchView />}
          </section>
        ))}
      </main>
    </>
  );
}
