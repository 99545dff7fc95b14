// A decision is sent once: the first press of a button in a form marked data-once disables
// every such button on the page (the consent page's 同意 and 拒绝: a second post would find
// its sign-in already answered).
document.querySelectorAll('form[data-once]').forEach(function (form) {
  form.addEventListener('submit', function () {
    setTimeout(function () {
      document.querySelectorAll('form[data-once] button').forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });
});
