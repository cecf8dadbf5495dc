// @mention autocomplete for fields marked data-mentions: typing "@ki" lists members whose handle (display name
// without spaces) starts with "ki"; arrows choose, Enter or Tab inserts "@Handle ", Escape closes. Without this script
// a mention typed in full works the same.
(function () {
  'use strict';
  var MENTION = /(^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,38})$/u;
  var count = 0;

  function attach(field) {
    var list = document.createElement('ul');
    list.id = 'mention-list-' + (++count);
    list.className = 'mention-list';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    field.insertAdjacentElement('afterend', list);
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-controls', list.id);
    field.setAttribute('aria-expanded', 'false');
    var timer = null;
    var active = -1;
    var asked = '';

    function close() {
      list.hidden = true;
      list.innerHTML = '';
      active = -1;
      field.setAttribute('aria-expanded', 'false');
      field.removeAttribute('aria-activedescendant');
    }

    function typed() {
      var before = field.value.slice(0, field.selectionStart);
      var match = MENTION.exec(before);
      return match ? match[2] : null;
    }

    function choose(handle) {
      var caret = field.selectionStart;
      var before = field.value.slice(0, caret);
      var start = before.lastIndexOf('@');
      field.value = before.slice(0, start) + '@' + handle + ' ' + field.value.slice(caret);
      var at = start + handle.length + 2;
      field.setSelectionRange(at, at);
      close();
      field.focus();
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      if (!options.length) {
        return;
      }
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', String(i === active));
      });
      field.setAttribute('aria-activedescendant', options[active].id);
    }

    function show(members) {
      list.innerHTML = '';
      members.forEach(function (member, i) {
        var option = document.createElement('li');
        option.id = list.id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.handle = member.handle;
        option.textContent = member.displayName + ' (@' + member.handle + ')';
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(member.handle);
        });
        list.appendChild(option);
      });
      list.hidden = members.length === 0;
      field.setAttribute('aria-expanded', String(members.length > 0));
      if (members.length) {
        highlight(0);
      }
    }

    field.addEventListener('input', function () {
      var prefix = typed();
      clearTimeout(timer);
      if (!prefix) {
        close();
        return;
      }
      timer = setTimeout(function () {
        asked = prefix;
        fetch('/api/v1/members/suggest?q=' + encodeURIComponent(prefix), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (members) {
            if (asked === typed()) {
              show(members);
            }
          })
          .catch(close);
      }, 150);
    });

    field.addEventListener('keydown', function (event) {
      if (list.hidden) {
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      }
      else if ((event.key === 'Enter' || event.key === 'Tab') && active >= 0) {
        event.preventDefault();
        choose(list.querySelectorAll('[role=option]')[active].dataset.handle);
      }
      else if (event.key === 'Escape') {
        close();
      }
    });
    field.addEventListener('blur', function () {
      setTimeout(close, 100);
    });
  }

  function attachAll(root) {
    root.querySelectorAll('[data-mentions]:not([data-mentions-ready])').forEach(function (field) {
      field.setAttribute('data-mentions-ready', '');
      attach(field);
    });
  }

  document.addEventListener('DOMContentLoaded', function () { attachAll(document); });
  document.addEventListener('htmx:afterSwap', function (event) { attachAll(event.target); });
}());
