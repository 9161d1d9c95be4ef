// A team's page: reads GET /v1/teams/{id}/dashboard with the session cookie and draws it; reads it
// again (debounced) on every progress event of a member from GET /v1/teams/{id}/events. No framework.
(function () {
  'use strict';

  var root = document.getElementById('team');
  if (!root) {
    return;
  }
  var base = '/v1/teams/' + encodeURIComponent(root.getAttribute('data-team'));
  var DEBOUNCE_MS = 200;

  // ---- small helpers --------------------------------------------------------------------------
  var ct = window.CourseTracker;
  var el = ct.el, replace = ct.replace, parseDay = ct.parseDay, humanDay = ct.humanDay, time = ct.time,
      plural = ct.plural, percent = ct.percent, getJson = ct.getJson;

  function daysBetween(from, to) {
    return Math.round((parseDay(to) - parseDay(from)) / 86400000);
  }

  // ---- loading ------------------------------------------------------------------------------------
  var loading = null;
  var loadAgain = false;

  function load() {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    loading = getJson(base + '/dashboard').then(function (dashboard) {
      render(dashboard);
      document.getElementById('load-error').hidden = true;
      document.getElementById('last-updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }, function (error) {
      var box = document.getElementById('load-error');
      box.textContent = 'Could not load the team: ' + error.message;
      box.hidden = false;
    }).then(function () {
      loading = null;
      if (loadAgain) {
        loadAgain = false;
        load();
      }
    });
    return loading;
  }

  var pending = null;

  function loadSoon() {
    if (pending === null) {
      pending = window.setTimeout(function () {
        pending = null;
        load();
      }, DEBOUNCE_MS);
    }
  }

  function render(d) {
    var names = {};
    d.members.forEach(function (m) { names[m.learner] = m.displayName || m.learner; });
    var titles = {};
    d.lessons.forEach(function (l) { titles[l.lesson] = l.title; });
    renderAttention(d, names, titles);
    renderMembers(d);
    renderLessons(d);
    renderActivity(d);
    root.setAttribute('data-loaded', d.asOf);
  }

  // ---- who could use a hand ------------------------------------------------------------------------
  function renderAttention(d, names, titles) {
    var atRisk = d.members.filter(function (m) { return m.atRisk; });
    var nodes = [];
    if (!d.members.length) {
      replace('attention-body', [el('p', { class: 'empty', text: 'No members yet, so nobody to help.' })]);
      return;
    }
    if (!atRisk.length && !d.stuck.length) {
      replace('attention-body', [el('p', { class: 'empty all-well', text: 'Everyone is on track: nobody is at risk or stuck.' })]);
      return;
    }
    var stuckBy = {};
    d.stuck.forEach(function (s) { stuckBy[s.learner] = s; });
    var people = atRisk.map(function (m) { return m.learner; });
    d.stuck.forEach(function (s) {
      if (people.indexOf(s.learner) < 0) {
        people.push(s.learner);
      }
    });
    var member = {};
    d.members.forEach(function (m) { member[m.learner] = m; });
    nodes.push(el('ul', { class: 'attention-list', id: 'attention-list' }, people.map(function (learner) {
      var m = member[learner];
      var s = stuckBy[learner];
      var lines = [el('span', { class: 'attention-name', text: names[learner] || learner })];
      if (m && m.atRisk) {
        lines.push(el('span', { class: 'badge at-risk', text: 'At risk' }));
        lines.push(el('span', { class: 'attention-why' }, m.lastActiveDay
          ? ['Last active ', time(m.lastActiveDay), ' (' + plural(daysBetween(m.lastActiveDay, d.asOf), 'day', 'days') + ' ago).']
          : ['No active day yet.']));
      }
      if (s) {
        lines.push(el('span', { class: 'badge stuck', text: 'Stuck' }));
        lines.push(el('span', { class: 'attention-why' }, ['On lesson ' + s.lesson + (titles[s.lesson] ? ' (' + titles[s.lesson] + ')' : '') + ', ',
          s.lastActivity ? el('span', {}, ['last worked on ', time(s.lastActivity), '.']) : 'no dated activity on it.']));
        lines.push(s.openQuestions.length
          ? el('ul', { class: 'stuck-questions', 'aria-label': 'Open questions' }, s.openQuestions.map(function (q) { return el('li', { text: q }); }))
          : el('span', { class: 'hint', text: 'No open questions about it in their notes.' }));
      }
      return el('li', { 'data-learner': learner }, lines);
    })));
    replace('attention-body', nodes);
  }

  // ---- members --------------------------------------------------------------------------------------
  function renderMembers(d) {
    if (!d.members.length) {
      replace('members-body', [el('p', { class: 'empty', text: 'No members yet. An admin adds members; the owner invites learners, who join by accepting.' })]);
      return;
    }
    var lessonCount = d.lessons.length;
    var head = el('tr', {}, ['Member', 'Lessons completed', 'Course completion', 'Current streak', 'Longest streak', 'Last active', 'Status']
      .map(function (h) { return el('th', { scope: 'col', text: h }); }));
    var rows = d.members.map(function (m) {
      var name = m.displayName || m.learner;
      return el('tr', { 'data-learner': m.learner, class: m.atRisk ? 'at-risk' : null }, [
        el('th', { scope: 'row', class: 'member-name' }, [name, name !== m.learner ? el('span', { class: 'hint learner-id', text: m.learner }) : null]),
        el('td', { 'data-col': 'lessons', 'data-label': 'Lessons completed', text: m.lessonsCompleted + ' of ' + lessonCount }),
        el('td', { 'data-col': 'completion', 'data-label': 'Course completion' }, [
          el('progress', { max: '100', value: String(percent(m.completion)), 'aria-label': name + ': course completion' }, [percent(m.completion) + ' %']),
          el('span', { class: 'completion-text', text: percent(m.completion) + ' %' })
        ]),
        el('td', { 'data-col': 'current', 'data-label': 'Current streak', text: plural(m.current, 'day', 'days') }),
        el('td', { 'data-col': 'longest', 'data-label': 'Longest streak', text: plural(m.longest, 'day', 'days') }),
        el('td', { 'data-col': 'last-active', 'data-label': 'Last active' }, [m.lastActiveDay ? time(m.lastActiveDay) : 'never']),
        el('td', { 'data-col': 'status', 'data-label': 'Status' }, [m.atRisk
          ? el('span', { class: 'badge at-risk', text: 'At risk' })
          : el('span', { class: 'badge on-track', text: 'On track' })])
      ]);
    });
    var table = el('table', { class: 'members-table', id: 'members-table' }, [
      el('caption', { class: 'visually-hidden', text: 'Members as of ' + humanDay(d.asOf) }),
      el('thead', {}, [head]), el('tbody', {}, rows)
    ]);
    replace('members-body', [el('div', { class: 'table-wrap' }, [table])]);
  }

  // ---- lessons ----------------------------------------------------------------------------------------
  function renderLessons(d) {
    if (!d.lessons.length) {
      replace('lessons-body', [el('p', { class: 'empty', text: 'This course has no lessons in its catalog yet.' })]);
      return;
    }
    var total = d.members.length;
    var items = d.lessons.map(function (l) {
      var share = total ? l.completedBy / total : 0;
      return el('li', { 'data-lesson': String(l.lesson) }, [
        el('span', { class: 'bar-label' }, ['Lesson ' + l.lesson, el('span', { class: 'lesson-title', text: l.title })]),
        el('span', { class: 'hbar', 'aria-hidden': 'true' }, [el('span', { class: 'hbar-fill', style: null, 'data-share': String(share) })]),
        el('span', { class: 'completion-text', 'data-col': 'completed-by', text: l.completedBy + ' of ' + plural(total, 'member', 'members') })
      ]);
    });
    var list = el('ol', { class: 'bar-list', id: 'lesson-bars' }, items);
    replace('lessons-body', [list]);
    sizeBars(list, '.hbar-fill', 'width');
  }

  // CSP forbids inline style attributes written as markup, but not style properties set from script.
  function sizeBars(container, selector, property) {
    container.querySelectorAll(selector).forEach(function (bar) {
      bar.style[property] = (Math.max(0, Math.min(1, +bar.getAttribute('data-share'))) * 100) + '%';
    });
  }

  // ---- activity by day -------------------------------------------------------------------------------
  function renderActivity(d) {
    var total = d.members.length;
    var days = d.activeByDay;
    var memberDays = days.reduce(function (sum, day) { return sum + day.active; }, 0);
    if (!days.length) {
      replace('activity-body', [el('p', { class: 'empty', text: 'No days to show.' })]);
      return;
    }
    var bars = days.map(function (day) {
      var label = humanDay(day.date) + ': ' + plural(day.active, 'member', 'members') + ' active';
      return el('li', { class: 'day-bar' + (day.active ? '' : ' none'), 'data-date': day.date, 'data-active': String(day.active), title: label }, [
        el('span', { class: 'vbar-fill', 'data-share': String(total ? day.active / total : 0) }),
        el('span', { class: 'visually-hidden', text: label })
      ]);
    });
    var chart = el('ol', { class: 'day-bars', id: 'day-bars', 'aria-label': 'Members active per day' }, bars);
    var axis = el('p', { class: 'day-axis hint' }, [time(days[0].date), time(days[days.length - 1].date)]);
    var summary = memberDays === 0
      ? el('p', { class: 'empty', id: 'activity-summary', text: 'No active days in the last 30 days yet.' })
      : el('p', { id: 'activity-summary', text: plural(memberDays, 'active member-day', 'active member-days') + ' in the last 30 days; ' +
          plural(days.filter(function (day) { return day.active > 0; }).length, 'day', 'days') + ' with someone studying.' });
    replace('activity-body', [chart, axis, summary]);
    sizeBars(chart, '.vbar-fill', 'height');
  }

  // ---- live updates ------------------------------------------------------------------------------
  function connect() {
    ct.live(base + '/events', {
      readyText: 'Live: this page updates by itself when a member saves a note.',
      onReady: load,
      checkUrl: base + '/dashboard', // sends the browser to sign-in if the session has ended
      onEvent: loadSoon
    });
  }

  load();
  connect();
}());
