/**
 * A React 19 application using the motcua elements as ordinary tags: React 19 sets their properties, passes
 * strings as attributes and listens to their custom events (`onmotcua-result`), so no wrapper is needed.
 * The tags are typed for JSX by `@motcua/elements/types/react` (generated from custom-elements.json).
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { canRate, statusLabel } from '@motcua/sdk';
import '@motcua/elements/procedure-finder';
import '@motcua/elements/dossier-lookup';
import '@motcua/elements/rating';
import '@motcua/elements/types/react'; // JSX types of the motcua tags (no code at run time)

const TEXT = {
  vi: {
    title: 'Dịch vụ công xã Công Sơn',
    language: 'Ngôn ngữ',
    procedures: 'Thủ tục hành chính',
    opened: (code) => `Ứng dụng đã nhận sự kiện: người dùng mở thủ tục ${code}.`,
    lookup: 'Tra cứu hồ sơ',
    recent: 'Các hồ sơ vừa tra cứu (do ứng dụng React ghi lại)',
    rate: (code) => `Đánh giá việc giải quyết hồ sơ ${code}`,
    thanks: (id) => `Ứng dụng đã nhận biên nhận đánh giá ${id}.`,
  },
  en: {
    title: 'Công Sơn commune public services',
    language: 'Language',
    procedures: 'Administrative procedures',
    opened: (code) => `The application received the event: procedure ${code} was opened.`,
    lookup: 'Look up a dossier',
    recent: 'Dossiers looked up (recorded by the React application)',
    rate: (code) => `Rate the handling of dossier ${code}`,
    thanks: (id) => `The application received the rating receipt ${id}.`,
  },
};

function App() {
  const [lang, setLang] = useState('vi');
  const [opened, setOpened] = useState(null);
  const [lookups, setLookups] = useState([]);
  const [receipt, setReceipt] = useState(null);
  const t = TEXT[lang];
  const last = lookups[0];

  return (
    <div lang={lang}>
      <header className="app-header">
        <h1>{t.title}</h1>
        <div role="group" aria-label={t.language}>
          <button type="button" aria-pressed={lang === 'vi'} onClick={() => setLang('vi')}>Tiếng Việt</button>{' '}
          <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>English</button>
        </div>
      </header>
      <main className="app-main">
        <section className="app-card" aria-label={t.procedures}>
          <motcua-procedure-finder unit="06220" headingLevel={2} onmotcua-procedure-select={(e) => setOpened(e.detail.code)} />
          <p role="status" data-testid="opened">{opened ? t.opened(opened) : ''}</p>
        </section>

        <section className="app-card" aria-label={t.lookup}>
          <motcua-dossier-lookup
            heading-level="2"
            onmotcua-result={(e) => {
              const { dossier } = e.detail;
              setReceipt(null);
              setLookups((list) => [dossier, ...list.filter((d) => d.code !== dossier.code)].slice(0, 5));
            }}
          />
          {lookups.length > 0 && (
            <>
              <h2>{t.recent}</h2>
              <ul className="app-history" data-testid="recent">
                {lookups.map((d) => (
                  <li key={d.code}>{d.code}: {statusLabel(d.status, lang)}</li>
                ))}
              </ul>
            </>
          )}
        </section>

        {last && canRate(last.status) && !last.rated && (
          <section className="app-card" aria-label={t.rate(last.code)}>
            <motcua-rating
              key={last.code}
              dossier={last.code}
              headingLevel={2}
              onmotcua-rating-submitted={(e) => setReceipt(e.detail.receipt)}
            />
            <p role="status" data-testid="receipt">{receipt ? t.thanks(receipt.id) : ''}</p>
          </section>
        )}
      </main>
    </div>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
