// What the learner page and the team page share: building DOM nodes, dates, reading the JSON API
// with the session cookie, and the live stream of progress events. No framework, no build step.
(function () {
  'use strict';

  var EVENT_TYPES = ['NoteApplied', 'LessonCompleted', 'LessonReopened', 'StreakExtended', 'StreakBroken'];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (attrs[name] === null || attrs[name] === undefined || attrs[name] === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = attrs[name];
      } else {
        node.setAttribute(name, attrs[name] === true ? '' : attrs[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function replace(id, nodes) {
    var target = document.getElementById(id);
    target.replaceChildren.apply(target, nodes);
  }

  // Study dates are calendar days, not instants: kept as UTC midnights so no zone shifts them.
  function parseDay(iso) {
    var p = iso.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  function humanDay(iso, withYear) {
    var options = { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
    if (withYear) {
      options.year = 'numeric';
    }
    return new Date(parseDay(iso)).toLocaleDateString(undefined, options);
  }

  function time(iso, withYear) {
    return el('time', { datetime: iso, text: humanDay(iso, withYear) });
  }

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function percent(fraction) {
    return Math.round(fraction * 100);
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.status === 401) {
        window.location.assign('/sign-in');
        throw new Error('Your session ended; sign in again.');
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.detail || body.error || ('HTTP ' + response.status));
        });
      }
      return response.json();
    });
  }

  /**
   * Follows a server-sent event stream of progress events. options: readyText (shown once the
   * stream is open), onReady() (read everything again: events may have been missed while away),
   * onEvent(type, event), and checkUrl (read when the stream closes, so an ended session goes to
   * sign-in). The page's #live-status says what state the stream is in.
   */
  function live(eventsUrl, options) {
    var status = document.getElementById('live-status');
    function setStatus(text, state) {
      status.textContent = text;
      status.className = state;
    }
    if (!window.EventSource) {
      setStatus('This browser cannot show live updates; reload to see new notes.', 'offline');
      return setStatus;
    }
    var source = new EventSource(eventsUrl);
    source.addEventListener('ready', function () {
      setStatus(options.readyText, 'live');
      options.onReady();
    });
    EVENT_TYPES.forEach(function (type) {
      source.addEventListener(type, function (event) {
        options.onEvent(type, event);
      });
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        setStatus('Live updates stopped; reload the page to resume.', 'offline');
        getJson(options.checkUrl);
      } else {
        setStatus('Live updates paused — reconnecting…', 'offline');
      }
    };
    return setStatus;
  }

  window.CourseTracker = {
    el: el, replace: replace, parseDay: parseDay, humanDay: humanDay, time: time,
    plural: plural, percent: percent, getJson: getJson, live: live
  };
}());
