// Shows, as redirect URIs are typed, which ones auth-server would refuse and why, in its own
// words: the rules live in auth-server only. The console asks auth-server's dry-run validation
// (POST /checks/redirect-uris, passed on to /admin/api/clients/validate with the admin's token).
// When the question cannot be answered, nothing is shown: the real submit reports the refusal.
(function () {
  var DELAY_MS = 300;

  function csrfToken(textarea) {
    var input = textarea.form && textarea.form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function show(textarea, list, problems) {
    list.textContent = '';
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      item.setAttribute('data-uri', problem.value);
      item.textContent = problem.error_description;
      list.appendChild(item);
    });
    textarea.setCustomValidity(list.children.length ? 'Some redirect URIs would be refused' : '');
  }

  function watch(textarea) {
    var list = document.getElementById(textarea.getAttribute('data-problems') || 'redirect-uri-problems');
    var field = textarea.getAttribute('name');
    var timer = null;
    var asked = 0;

    function check() {
      var question = ++asked;
      var body = new URLSearchParams();
      body.set('client_type', textarea.getAttribute('data-client-type'));
      body.set('field', field);
      body.set('uris', textarea.value);
      fetch(textarea.getAttribute('data-check-url') || '/checks/redirect-uris', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-CSRF-TOKEN': csrfToken(textarea), 'Accept': 'application/json' },
        body: body
      }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      }).then(function (answer) {
        if (question === asked) show(textarea, list, answer.problems || []);
      }).catch(function () {
        // unanswered: say nothing rather than something that may be wrong
        if (question === asked) show(textarea, list, []);
      });
    }

    textarea.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, DELAY_MS);
    });
  }

  document.querySelectorAll('textarea[data-redirect-check]').forEach(watch);
})();
