// The learner's dashboard: reads the JSON API with the session cookie, draws it, and draws it again
// on every progress event of the live stream (server-sent events). No framework, no build step.
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var learner = root.getAttribute('data-learner');
  var base = '/v1/learners/' + encodeURIComponent(learner);
  var WEEKS = 18;
  var DAY_MS = 24 * 60 * 60 * 1000;
  var ACTIVITIES = [['watch', 'Watch'], ['notebook', 'Notebook'], ['read', 'Read'], ['questionnaire', 'Questionnaire']];
  var STATE_TEXT = {
    active: 'active day',
    rest: 'rest day, the streak kept going',
    inactive: 'a note, but nothing done',
    no_note: 'no note'
  };

  // ---- small helpers --------------------------------------------------------------------------
  var ct = window.CourseTracker;
  var el = ct.el, replace = ct.replace, parseDay = ct.parseDay, humanDay = ct.humanDay, time = ct.time,
      plural = ct.plural, percent = ct.percent, getJson = ct.getJson;

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function mondayOf(ms) {
    var weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return ms - weekday * DAY_MS;
  }

  // ---- loading ------------------------------------------------------------------------------------
  var loading = null;
  var loadAgain = false;

  function load() {
    if (loading) {
      loadAgain = true; // an event arrived while loading: load once more when this one ends
      return loading;
    }
    loading = getJson(base + '/dashboard').then(function (dashboard) {
      var to = dashboard.asOf;
      var from = isoDay(mondayOf(parseDay(to)) - (WEEKS - 1) * 7 * DAY_MS);
      return getJson(base + '/calendar?from=' + from + '&to=' + to + '&asOf=' + to).then(function (calendar) {
        render(dashboard, calendar, from);
      });
    }).then(function () {
      document.getElementById('load-error').hidden = true;
      document.getElementById('last-updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
    }, function (error) {
      var box = document.getElementById('load-error');
      box.textContent = 'Could not load your progress: ' + error.message;
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

  function render(dashboard, calendar, from) {
    var anyNote = calendar.some(function (day) { return day.state !== 'no_note'; }) ||
      dashboard.streak.lastActiveDay !== null || dashboard.questions.length > 0;
    renderStreak(dashboard.streak, anyNote);
    renderCalendar(calendar, from, dashboard.asOf);
    renderLessons(dashboard.progress);
    renderQuestions(dashboard.questions);
    root.setAttribute('data-loaded', dashboard.asOf);
  }

  // ---- streak ---------------------------------------------------------------------------------------
  function renderStreak(s, anyNote) {
    var message;
    var broken = false;
    if (s.current > 0 && s.activeToday) {
      message = 'Today already counts. Come back tomorrow to keep it going.';
    } else if (s.current > 0) {
      message = 'Save an active note today to keep your streak going.';
    } else if (s.brokenOn) {
      broken = true;
      message = el('span', {}, ['Your streak ended on ', time(s.brokenOn, true), ' — the first missed day. Save an active note today to start again.']);
    } else if (!anyNote) {
      message = 'No notes yet — save a daily note to start your streak.';
    } else {
      message = 'No active day yet — check off a task or write what you studied to start your streak.';
    }
    var facts = [];
    facts.push(el('li', {}, s.longest > 0
      ? ['Longest streak: ', el('strong', { id: 'longest-streak', text: plural(s.longest, 'day', 'days') }), ', ',
        time(s.longestStart, true), ' to ', time(s.longestEnd, true)]
      : ['Longest streak: ', el('strong', { id: 'longest-streak', text: 'none yet' })]));
    if (s.lastActiveDay) {
      facts.push(el('li', {}, ['Last active day: ', time(s.lastActiveDay, true)]));
    }
    if (s.restDaysPerWeek > 0) {
      facts.push(el('li', { text: 'Up to ' + plural(s.restDaysPerWeek, 'missed day', 'missed days') +
          ' a week are rest days: they keep the streak alive but do not add to it.' }));
    }
    replace('streak-body', [
      el('p', { class: 'streak-now' }, [
        el('span', { id: 'current-streak', class: 'big-number', text: String(s.current) }),
        el('span', { text: (s.current === 1 ? 'day' : 'days') + ' in a row (current streak)' })
      ]),
      el('p', { class: 'streak-message' + (broken ? ' broken' : ''), id: 'streak-message' }, [message]),
      el('ul', { class: 'facts' }, facts)
    ]);
  }

  // ---- calendar heatmap -------------------------------------------------------------------------
  function renderCalendar(calendar, from, asOf) {
    var byDate = {};
    calendar.forEach(function (day) { byDate[day.date] = day; });
    var start = parseDay(from);
    var today = parseDay(asOf);
    var weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    var counts = { active: 0, rest: 0, inactive: 0, no_note: 0 };

    var headRow = [el('td')];
    var lastMonth = null;
    for (var w = 0; w < WEEKS; w++) {
      var monday = start + w * 7 * DAY_MS;
      var month = new Date(monday).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
      // A month's name over the week it starts in (not over the first column, which may hold a month's last days).
      var label = w > 0 && month !== lastMonth;
      headRow.push(el('th', { scope: 'col', abbr: 'Week of ' + humanDay(isoDay(monday), true) },
        [label ? el('span', { class: 'month', text: month }) : el('span', { class: 'visually-hidden', text: 'Week of ' + humanDay(isoDay(monday), false) })]));
      lastMonth = month;
    }
    var rows = weekdays.map(function (name, d) {
      var cells = [el('th', { scope: 'row' }, [d % 2 === 0 ? name : el('span', { class: 'visually-hidden', text: name })])];
      for (var w = 0; w < WEEKS; w++) {
        var ms = start + (w * 7 + d) * DAY_MS;
        var iso = isoDay(ms);
        if (ms > today) {
          cells.push(el('td', { class: 'day future', 'data-date': iso }));
          continue;
        }
        var day = byDate[iso] || { date: iso, state: 'no_note', tasksDone: 0 };
        counts[day.state] = (counts[day.state] || 0) + 1;
        var label = humanDay(iso, true) + ': ' + STATE_TEXT[day.state] +
          (day.tasksDone > 0 ? ', ' + plural(day.tasksDone, 'task', 'tasks') + ' done' : '') + (ms === today ? ' (today)' : '');
        cells.push(el('td', {
          class: 'day state-' + day.state + (ms === today ? ' today' : ''),
          'data-date': iso, 'data-state': day.state, 'data-tasks': String(day.tasksDone), title: label
        }, [el('span', { class: 'visually-hidden', text: label })]));
      }
      return el('tr', {}, cells);
    });
    var table = el('table', { class: 'heatmap', id: 'heatmap' }, [
      el('caption', { class: 'visually-hidden', text: 'Study days from ' + humanDay(from, true) + ' to ' + humanDay(asOf, true) }),
      el('thead', {}, [el('tr', {}, headRow)]),
      el('tbody', {}, rows)
    ]);
    var summary = counts.active + counts.rest + counts.inactive === 0
      ? el('p', { class: 'empty calendar-summary', text: 'No notes in these weeks yet — save a daily note and its day lights up here.' })
      : el('p', { class: 'calendar-summary', id: 'calendar-summary', text: plural(counts.active, 'active day', 'active days') +
          ', ' + plural(counts.rest, 'rest day', 'rest days') + ' and ' + plural(counts.inactive, 'day', 'days') +
          ' with a note but nothing done in these ' + WEEKS + ' weeks.' });
    var wrap = el('div', { class: 'heatmap-wrap' }, [table]);
    replace('calendar-body', [wrap, summary]);
    wrap.scrollLeft = wrap.scrollWidth; // on a narrow screen, this week stays in view
  }

  // ---- lessons ----------------------------------------------------------------------------------------
  function renderLessons(progress) {
    if (!progress.courses.length) {
      replace('lessons-body', [el('p', { class: 'empty', text: 'You follow no course yet. An admin, or you with PATCH /v1/learners/{id}, can add one.' })]);
      return;
    }
    var nodes = [];
    progress.courses.forEach(function (course) {
      var courseId = 'course-' + course.course;
      nodes.push(el('h3', { id: courseId, text: course.title }));
      nodes.push(el('p', { class: 'course-summary' }, [
        el('label', { for: courseId + '-bar', text: 'Course completion' }),
        el('progress', { id: courseId + '-bar', max: '100', value: String(percent(course.completion)) }, [percent(course.completion) + ' %']),
        el('span', { class: 'completion-text', text: percent(course.completion) + ' % · ' +
            plural(course.lessons.filter(function (l) { return l.status === 'completed'; }).length, 'lesson', 'lessons') +
            ' of ' + course.lessons.length + ' completed' })
      ]));
      var items = course.lessons.map(function (lesson) {
        var headingId = courseId + '-lesson-' + lesson.lesson;
        var activities = ACTIVITIES.map(function (a) {
          var done = lesson.activities[a[0]];
          return el('li', { class: done ? 'done' : 'todo', 'data-activity': a[0], 'data-done': String(done) }, [
            el('span', { class: 'tick', 'aria-hidden': 'true', text: done ? '✓' : '○' }),
            a[1],
            el('span', { class: 'visually-hidden', text: done ? ': done' : ': not yet' })
          ]);
        });
        var status = lesson.status === 'completed' ? 'completed' : lesson.status === 'in_progress' ? 'in progress' : 'not started';
        return el('li', { class: 'lesson status-' + lesson.status, 'data-lesson': String(lesson.lesson), 'aria-labelledby': headingId }, [
          el('h4', { id: headingId }, ['Lesson ' + lesson.lesson, el('span', { class: 'lesson-title', text: lesson.title })]),
          el('ul', { class: 'activities', 'aria-label': 'Activities' }, activities),
          el('progress', { max: '100', value: String(percent(lesson.completion)), 'aria-label': 'Lesson ' + lesson.lesson + ' completion' },
            [percent(lesson.completion) + ' %']),
          el('span', { class: 'completion-text', text: percent(lesson.completion) + ' % · ' + status })
        ]);
      });
      nodes.push(el('ol', { class: 'lesson-list', 'aria-labelledby': courseId }, items));
    });
    replace('lessons-body', nodes);
  }

  // ---- questions -------------------------------------------------------------------------------------
  function renderQuestions(questions) {
    var open = questions.filter(function (q) { return !q.answered; });
    var answered = questions.length - open.length;
    open.sort(function (a, b) { return (b.date || '').localeCompare(a.date || ''); });
    var nodes = [];
    if (!open.length) {
      nodes.push(el('p', { class: 'empty', text: questions.length
        ? 'No open questions — every question in your notes is checked off.'
        : 'No questions yet. Write them as a list under a “Questions” heading in a note; check one off when it is answered.' }));
    } else {
      nodes.push(el('ul', { class: 'question-list', id: 'question-list' }, open.map(function (q) {
        return el('li', {}, [
          el('span', { class: 'question-text', text: q.text }),
          el('span', { class: 'question-meta' }, q.date ? ['Asked ', time(q.date, true), ' in ', q.notePath] : ['In ', q.notePath]),
          q.subQuestions.length ? el('ul', {}, q.subQuestions.map(function (s) { return el('li', { text: s }); })) : null
        ]);
      })));
    }
    if (answered > 0) {
      nodes.push(el('p', { class: 'hint', text: plural(answered, 'question', 'questions') + ' answered so far.' }));
    }
    replace('questions-body', nodes);
  }

  // ---- live updates ------------------------------------------------------------------------------
  function connect() {
    var setStatus = ct.live(base + '/events', {
      readyText: 'Live: this page updates by itself when you save a note.',
      onReady: load, // after a reconnect, catch up with whatever happened meanwhile
      checkUrl: base + '/streak',
      onEvent: function (type, event) {
        load().then(function () {
          if (type === 'LessonCompleted') {
            var data = JSON.parse(event.data);
            setStatus('Lesson ' + data.lesson + ' completed. Well done!', 'live');
          }
          var stamp = document.getElementById('last-updated');
          stamp.classList.remove('flash');
          void stamp.offsetWidth;
          stamp.classList.add('flash');
        });
      }
    });
  }

  load();
  connect();
}());
