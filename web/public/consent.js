// OAuth consent: a small page outside the web app, reached only from an MCP client's authorization flow.
const main = document.querySelector('main');
const form = main.querySelector('form');
const errorLine = main.querySelector('.error');
const query = new URLSearchParams(location.search);

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(data.error?.message ?? `Request failed (${response.status})`), {
      status: response.status,
    });
  return data;
}

function guard(work) {
  return async (event) => {
    event.preventDefault();
    errorLine.textContent = '';
    try {
      await work(event);
    } catch (error) {
      errorLine.textContent = error.message;
    }
  };
}

const pages = {
  async consent() {
    const clientId = query.get('client_id') ?? '';
    main.querySelector('[data-client]').textContent = clientId;
    // Show who is asking: the name the client registered and where it sends you back.
    call('GET', `/api/v1/auth/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`)
      .then((client) => {
        const returnsTo = query.get('redirect_uri') ? new URL(query.get('redirect_uri')).host : '';
        main.querySelector('[data-client]').textContent =
          `${client.client_name ?? clientId}${returnsTo ? `, returning to ${returnsTo}` : ''}`;
      })
      .catch(() => {});
    main.querySelector('[data-scopes]').textContent = query.get('scope') ?? '';
    const answer = (accept) =>
      guard(async () => {
        try {
          const { url } = await call('POST', '/api/v1/auth/oauth2/consent', {
            accept,
            oauth_query: location.search.slice(1),
          });
          location.assign(url);
        } catch (error) {
          if (error.status === 401) location.assign(`/signin${location.search}`);
          else throw error;
        }
      });
    form.addEventListener('submit', answer(true));
    main.querySelector('[data-answer="deny"]').addEventListener('click', answer(false));
  },
};

pages[main.dataset.page]?.();
