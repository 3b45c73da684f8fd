// The workbench's only script of its own (no inline scripts: the pages' policy forbids them).
// htmx requests carry the session's CSRF token, as forms do in their hidden field.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
  // htmx would send a form's live check to the formaction of the button pressed last (上传文件,
  // 移除): those are for the browser's own submission, the check goes where hx-post says
  const own = event.detail.elt.getAttribute && event.detail.elt.getAttribute('hx-post');
  if (own) {
    event.detail.path = own;
  }
});

document.addEventListener('click', (event) => {
  // <button data-print> prints the page (the receipt), with the menu and buttons left out
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// A form submits once: a second click while the first is on its way does nothing.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.dataset.submitted === 'true') {
    event.preventDefault();
    return;
  }
  // not disabled: a disabled button's name and value (outcome=APPROVE) would not be sent
  form.dataset.submitted = 'true';
  form.classList.add('busy');
});
// back to a page from the browser's cache: its forms may be sent again
window.addEventListener('pageshow', () => {
  document.querySelectorAll('form[data-submitted]').forEach((form) => {
    delete form.dataset.submitted;
    form.classList.remove('busy');
  });
});
