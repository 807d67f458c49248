/*
 * Consentry consent banner (U3) — one dependency-free script for a storefront's pages.
 *
 *   <script src="https://consent.example/banner/v1/consentry-banner.js" data-tenant="shop-a"
 *           data-token-url="/consentry/visitor-token" defer></script>
 *
 * data-tenant     the shop's id at Consentry
 * data-token-url  an endpoint of the storefront's own backend answering {"token": "..."}: a visitor token it minted
 *                 with POST /v1/visitor-tokens for this visitor (the storefront's credential never reaches the page)
 * data-api        Consentry's consent-service (default: where this script came from)
 *
 * Refusing is exactly as easy as accepting: "Reject all" and "Accept all" are the same kind of button, side by side,
 * and no box is ticked before the visitor ticks it (C2). With Global Privacy Control on, purposes of sale or sharing
 * cannot be chosen and the banner says why (C11). Google Consent Mode v2 gets "denied" for everything by default and
 * then Consentry's own Consent Mode view of the visitor's records. No inline script, no eval, no inline style
 * attribute: it works under a strict Content-Security-Policy (script-src and connect-src naming Consentry).
 * Elements with a data-consentry-open attribute reopen the banner (withdrawing is as easy as giving, C6).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.Consentry) { return; }
  var tenant = script.getAttribute('data-tenant');
  var tokenUrl = script.getAttribute('data-token-url');
  var api = (script.getAttribute('data-api') || new URL(script.src).origin).replace(/\/$/, '');
  var gpc = navigator.globalPrivacyControl === true;
  var TYPES = ['ad_storage', 'analytics_storage', 'ad_user_data', 'ad_personalization'];

  var WORDS = {
    en: {
      title: 'Your privacy choices', intro: 'We would like your consent for the uses below. Nothing is switched on unless you choose it, and you can change your mind at any time.',
      notice: 'Privacy notice', reject: 'Reject all', accept: 'Accept all', save: 'Save my choices',
      gpc: 'Your browser asks sites not to sell or share your data (Global Privacy Control): this use stays off.',
      failed: 'Your choice could not be saved. Please try again.'
    },
    vi: {
      title: 'Lựa chọn quyền riêng tư của bạn', intro: 'Chúng tôi muốn xin sự đồng ý của bạn cho các mục đích dưới đây. Không mục nào được bật nếu bạn không chọn, và bạn có thể thay đổi bất cứ lúc nào.',
      notice: 'Chính sách quyền riêng tư', reject: 'Từ chối tất cả', accept: 'Chấp nhận tất cả', save: 'Lưu lựa chọn',
      gpc: 'Trình duyệt của bạn yêu cầu không bán hay chia sẻ dữ liệu (Global Privacy Control): mục này luôn tắt.',
      failed: 'Không lưu được lựa chọn của bạn. Vui lòng thử lại.'
    },
    ko: {
      title: '개인정보 선택', intro: '아래 목적에 대한 동의를 요청합니다. 직접 선택하지 않으면 아무것도 켜지지 않으며 언제든지 바꿀 수 있습니다.',
      notice: '개인정보 처리방침', reject: '모두 거부', accept: '모두 동의', save: '선택 저장',
      gpc: '브라우저가 데이터 판매·공유 거부(Global Privacy Control)를 요청하여 이 항목은 꺼져 있습니다.',
      failed: '선택을 저장하지 못했습니다. 다시 시도하세요.'
    }
  };

  function gtag() {
    window.dataLayer = window.dataLayer || [];
    if (typeof window.gtag === 'function') { window.gtag.apply(window, arguments); } else { window.dataLayer.push(arguments); }
  }
  var denied = {};
  TYPES.forEach(function (t) { denied[t] = 'denied'; });
  gtag('consent', 'default', Object.assign({ wait_for_update: 500 }, denied));

  var token = null;
  var config = null;
  var root = null;

  function language() {
    var wanted = (navigator.languages || [navigator.language || 'en']).map(function (l) { return String(l).slice(0, 2).toLowerCase(); });
    for (var i = 0; i < wanted.length; i++) { if (WORDS[wanted[i]]) { return wanted[i]; } }
    return 'en';
  }

  function fetchToken() {
    return fetch(tokenUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { if (!r.ok) { throw new Error('token ' + r.status); } return r.json(); })
      .then(function (body) { token = body.token; return token; });
  }

  /** A call with the visitor token; one new token and one retry when it expired. */
  function call(path, options, retried) {
    options = options || {};
    var headers = Object.assign({ Accept: 'application/json', 'Consentry-Visitor': token }, options.headers || {});
    return fetch(api + path, Object.assign({}, options, { headers: headers, credentials: 'omit' })).then(function (r) {
      if (r.status === 401 && !retried && tokenUrl) { return fetchToken().then(function () { return call(path, options, true); }); }
      if (!r.ok) { throw new Error(path + ' ' + r.status); }
      return r.json();
    });
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) { Object.keys(css).forEach(function (k) { e.style[k] = css[k]; }); }
    if (text) { e.textContent = text; }
    return e;
  }

  var BUTTON = { font: 'inherit', fontWeight: '600', padding: '.6em 1.2em', border: '2px solid #123456', borderRadius: '.3em',
    background: '#123456', color: '#fff', cursor: 'pointer', minWidth: '10em', margin: '0' };

  function show() {
    if (!config) { return; }
    hide();
    var w = WORDS[config.language] || WORDS[language()] || WORDS.en;
    root = el('div', { position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647', background: '#fff',
      color: '#1b1b1b', borderTop: '3px solid #123456', boxShadow: '0 -2px 12px rgba(0,0,0,.2)', padding: '1em 1.5em',
      font: '15px/1.45 system-ui, sans-serif', maxHeight: '80vh', overflowY: 'auto' });
    root.id = 'consentry-banner';
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-labelledby', 'consentry-title');
    root.lang = config.language;
    var title = el('h2', { margin: '0 0 .4em', fontSize: '1.2em' }, w.title);
    title.id = 'consentry-title';
    title.tabIndex = -1;
    root.appendChild(title);
    var intro = el('p', { margin: '0 0 .6em' }, w.intro + ' ');
    if (config.notice && config.notice.url) {
      var link = el('a', { color: '#0b57a4' }, w.notice);
      link.href = config.notice.url;
      link.rel = 'noopener';
      link.target = '_blank';
      intro.appendChild(link);
    }
    root.appendChild(intro);
    var list = el('div', { margin: '0 0 .8em' });
    config.purposes.forEach(function (p) {
      var row = el('div', { margin: '.4em 0' });
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'consentry-purpose-' + p.id;
      box.value = p.id;
      box.checked = false;
      var blocked = gpc && p.saleOrSharing;
      box.disabled = blocked;
      var label = el('label', { fontWeight: '600', marginLeft: '.4em' }, p.name);
      label.htmlFor = box.id;
      row.appendChild(box);
      row.appendChild(label);
      if (p.description) { row.appendChild(el('div', { marginLeft: '1.8em', fontSize: '.92em' }, p.description)); }
      if (blocked) {
        var note = el('div', { marginLeft: '1.8em', fontSize: '.92em', fontStyle: 'italic' }, w.gpc);
        note.id = 'consentry-gpc-' + p.id;
        note.className = 'consentry-gpc';
        row.appendChild(note);
      }
      list.appendChild(row);
    });
    root.appendChild(list);
    var buttons = el('div', { display: 'flex', flexWrap: 'wrap', gap: '.6em' });
    [['consentry-reject', w.reject, function () { return false; }],
     ['consentry-accept', w.accept, function () { return true; }],
     ['consentry-save', w.save, function (box) { return box.checked; }]].forEach(function (b) {
      var button = el('button', BUTTON, b[1]);
      button.type = 'button';
      button.id = b[0];
      button.className = 'consentry-choice';
      button.addEventListener('click', function () { decide(b[2], w); });
      buttons.appendChild(button);
    });
    root.appendChild(buttons);
    var status = el('p', { margin: '.6em 0 0', color: '#a00000' });
    status.id = 'consentry-status';
    status.setAttribute('role', 'status');
    root.appendChild(status);
    document.body.appendChild(root);
    title.focus();
  }

  function hide() {
    if (root && root.parentNode) { root.parentNode.removeChild(root); }
    root = null;
  }

  function decide(wants, w) {
    var decisions = config.purposes.map(function (p) {
      var box = document.getElementById('consentry-purpose-' + p.id);
      var give = wants(box) && !(gpc && p.saleOrSharing);
      return { purposeId: p.id, decision: give ? 'given' : 'refused' };
    });
    var body = { decisions: decisions, language: config.language, gpc: gpc };
    if (config.notice) { body.noticeVersion = config.notice.version; body.noticeHash = config.notice.contentHash; }
    call('/v1/banner/consents', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function () { return call('/v1/banner/state'); })
      .then(function (state) {
        apply(state);
        hide();
        document.dispatchEvent(new CustomEvent('consentry:consent', { detail: state }));
      })
      .catch(function () {
        var status = document.getElementById('consentry-status');
        if (status) { status.textContent = w.failed; }
      });
  }

  function apply(state) {
    window.Consentry.state = state;
    if (state.purposes.some(function (p) { return p.decided; })) { gtag('consent', 'update', state.consentMode); }
  }

  window.Consentry = { open: show, state: null };

  function start() {
    document.addEventListener('click', function (e) {
      var target = e.target && e.target.closest ? e.target.closest('[data-consentry-open]') : null;
      if (target) { e.preventDefault(); show(); }
    });
    Promise.all([
      fetch(api + '/v1/banner/' + encodeURIComponent(tenant) + '/config?lang=' + language(), { credentials: 'omit' })
        .then(function (r) { if (!r.ok) { throw new Error('config ' + r.status); } return r.json(); }),
      fetchToken()
    ]).then(function (both) {
      config = both[0];
      return call('/v1/banner/state');
    }).then(function (state) {
      apply(state);
      if (state.undecided) { show(); }
    }).catch(function () { /* no banner without Consentry: Consent Mode stays denied */ });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
