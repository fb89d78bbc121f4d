// The script of the report page: draws the charts and tables from the data embedded beside it.
//
// Plain browser JavaScript kept as a string (the page must work from a file, with nothing to fetch).
// It reads the JSON that html.ts embeds, and puts every string of the data into the page through
// textContent or ECharts' text rendering, never through innerHTML, so no headline or name is markup.
// The numbers were aggregated in Node: the page only lays them out (it stays fast for 100,000 documents).

export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('report-data').textContent);
  var FONT = getComputedStyle(document.body).fontFamily;
  var charts = [];
  var TYPE_NAMES = { PER: 'People', LOC: 'Places', ORG: 'Organisations' };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function num(n) { return Number(n).toLocaleString('en-US'); }
  function doc(i) { var d = D.docs[i]; return { id: d[0], title: d[1], date: d[2] }; }

  // The list of documents under a term, a name or an indicator, in the panel given.
  function showDocs(panelId, heading, row) {
    var panel = document.getElementById(panelId);
    panel.textContent = '';
    panel.appendChild(el('h3', null, heading + ' — ' + num(row.documents) + ' document' + (row.documents === 1 ? '' : 's')));
    var ul = el('ul', 'doc-list');
    row.docs.forEach(function (i) {
      var d = doc(i);
      var li = el('li');
      li.appendChild(el('span', 'date', d.date || 'undated'));
      li.appendChild(el('span', 'title', d.title));
      li.appendChild(el('span', 'id', d.id));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (row.more > 0) panel.appendChild(el('p', 'note', '… and ' + num(row.more) + ' more (the first ' + row.docs.length + ' in input order are listed)'));
    panel.hidden = false;
  }

  function chart(id, option) {
    var c = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: FONT };
    c.setOption(option);
    charts.push(c);
    return c;
  }
  function empty(id, text) {
    var box = document.getElementById(id);
    box.classList.add('empty');
    box.textContent = text;
  }

  // Counts
  var c = D.counts;
  var counts = document.getElementById('counts');
  [['documents', c.documents], ['articles', c.articles], ['dated', c.dated], ['error records', c.errors], ['unreadable lines', c.malformed]]
    .forEach(function (p) {
      var div = el('div', 'count' + ((p[0] === 'error records' || p[0] === 'unreadable lines') && p[1] ? ' bad' : ''));
      div.appendChild(el('b', null, num(p[1])));
      div.appendChild(el('span', null, p[0]));
      counts.appendChild(div);
    });

  // Documents over time
  var T = D.timeline;
  document.getElementById('timeline-note').textContent =
    'Documents per ' + T.unit + ', by the record\'s date, else the earliest dated dateline. ' +
    (c.undated ? num(c.undated) + ' document' + (c.undated === 1 ? ' has' : 's have') + ' no date with a year and month.' : '');
  if (T.buckets.length) {
    chart('chart-timeline', {
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: T.buckets.length > 24 ? 60 : 30 },
      xAxis: { type: 'category', data: T.buckets },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: T.buckets.length > 24 ? [{ type: 'slider', height: 18, bottom: 8 }] : [],
      series: [{ type: 'bar', name: 'documents', data: T.documents, itemStyle: { color: '#3b6ea8' } }],
    });
  } else empty('chart-timeline', 'No document has a date.');

  // Policy slogans and terms over time
  var termList = document.getElementById('term-list');
  function showTerm(i) {
    var t = D.terms[i];
    showDocs('term-docs', '「' + t.text + '」', t);
    Array.prototype.forEach.call(termList.children, function (li, j) { li.classList.toggle('active', j === i); });
  }
  D.terms.forEach(function (t, i) {
    var li = el('li');
    var b = el('button', 'term', t.text);
    b.type = 'button';
    b.dataset.term = String(i);
    b.addEventListener('click', function () { showTerm(i); });
    li.appendChild(b);
    li.appendChild(el('span', 'meta', t.kind + ' · ' + num(t.documents) + ' doc' + (t.documents === 1 ? '' : 's') + ' · ' + num(t.mentions) + ' mention' + (t.mentions === 1 ? '' : 's')));
    termList.appendChild(li);
  });
  document.getElementById('term-note').textContent = D.termCount > D.terms.length
    ? 'The ' + D.terms.length + ' terms in most documents, of ' + num(D.termCount) + '. Click a line or a term for its documents.'
    : 'Click a line or a term for its documents.';
  if (D.terms.length && T.buckets.length) {
    var tc = chart('chart-terms', {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: T.buckets.length > 24 ? 60 : 30 },
      xAxis: { type: 'category', data: T.buckets },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: T.buckets.length > 24 ? [{ type: 'slider', height: 18, bottom: 8 }] : [],
      series: D.terms.map(function (t) { return { type: 'line', name: t.text, data: t.series, symbolSize: 6, emphasis: { focus: 'series' } }; }),
    });
    tc.on('click', function (p) { showTerm(p.seriesIndex); });
  } else empty('chart-terms', D.terms.length ? 'No document has a date: the terms are listed below.' : 'No policy slogans or terms in these documents.');

  // People, places, organisations
  ['PER', 'LOC', 'ORG'].forEach(function (type) {
    var rows = D.entities[type];
    var id = 'chart-' + type;
    document.getElementById('head-' + type).textContent = TYPE_NAMES[type] + ' (' + num(D.entityCounts[type]) + ' distinct)';
    if (!rows.length) return empty(id, 'None found.');
    document.getElementById(id).style.height = Math.max(160, rows.length * 22 + 40) + 'px';
    var ec = chart(id, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 10, right: 30, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map(function (r) { return r.text; }) },
      series: [{ type: 'bar', name: 'documents', data: rows.map(function (r) { return r.documents; }),
        itemStyle: { color: { PER: '#b5523b', LOC: '#3b8a5a', ORG: '#6a4fa3' }[type] } }],
    });
    ec.on('click', function (p) { showDocs('entity-docs', TYPE_NAMES[type].replace(/s$/, '') + ' ' + rows[p.dataIndex].text, rows[p.dataIndex]); });
  });

  // Figures by indicator
  var tbody = document.querySelector('#indicator-table tbody');
  D.indicators.forEach(function (r) {
    var tr = el('tr');
    var b = el('button', 'link', r.indicator);
    b.type = 'button';
    b.addEventListener('click', function () { showDocs('figure-docs', 'Indicator ' + r.indicator, r); });
    var td = el('td');
    td.appendChild(b);
    tr.appendChild(td);
    tr.appendChild(el('td', 'n', num(r.figures)));
    tr.appendChild(el('td', 'n', num(r.documents)));
    tr.appendChild(el('td', null, Object.keys(r.types).map(function (k) { return k + ' ' + r.types[k]; }).join(', ')));
    tr.appendChild(el('td', 'n', r.percent ? r.percent.min + '% … ' + r.percent.max + '% (mean ' + r.percent.mean + '%)' : ''));
    tr.appendChild(el('td', 'n', r.money ? num(r.money.total) + ' ' + r.money.unit + ' (' + r.money.count + ')' : ''));
    tbody.appendChild(tr);
  });
  if (!D.indicators.length) empty('indicator-empty', 'No figure states what it measures.');
  var pctIndicators = [];
  D.dots.forEach(function (d) { if (pctIndicators.indexOf(d[0]) < 0) pctIndicators.push(d[0]); });
  if (D.dots.length) {
    document.getElementById('chart-figures').style.height = Math.max(180, pctIndicators.length * 40 + 60) + 'px';
    var names = pctIndicators.map(function (i) { return D.indicators[i].indicator; });
    var fc = chart('chart-figures', {
      tooltip: { trigger: 'item', formatter: function (p) {
        var d = doc(p.data[2]);
        return echarts.format.encodeHTML(p.data[3] + ' — ' + d.title + (d.date ? ' (' + d.date + ')' : ''));
      } },
      grid: { left: 10, right: 30, top: 20, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: '%', scale: true },
      yAxis: { type: 'category', data: names },
      series: [{ type: 'scatter', symbolSize: 10, itemStyle: { color: '#c7792b', opacity: 0.7 },
        data: D.dots.map(function (d) { return [d[1], names.indexOf(D.indicators[d[0]].indicator), d[2], d[3]]; }),
        encode: { x: 0, y: 1 } }],
    });
    fc.on('click', function (p) {
      var d = doc(p.data[2]);
      showDocs('figure-docs', p.data[3] + ' (' + names[p.data[1]] + ')', { documents: 1, docs: [p.data[2]], more: 0 });
    });
  } else empty('chart-figures', 'No percent figures (growth rates) with an indicator.');

  // Documents, with search
  var search = document.getElementById('doc-search');
  var docBody = document.querySelector('#doc-table tbody');
  var SHOWN = 200;
  function renderTable() {
    var q = search.value.trim().toLowerCase();
    docBody.textContent = '';
    var matched = 0;
    D.table.forEach(function (row) {
      var d = doc(row[0]);
      if (q && (d.id + '\n' + d.title + '\n' + (d.date || '')).toLowerCase().indexOf(q) < 0) return;
      matched++;
      if (matched > SHOWN) return;
      var tr = el('tr');
      tr.appendChild(el('td', 'date', d.date || ''));
      tr.appendChild(el('td', null, d.title));
      tr.appendChild(el('td', 'id', d.id));
      tr.appendChild(el('td', 'n', row[1]));
      tr.appendChild(el('td', 'n', row[2]));
      tr.appendChild(el('td', 'n', row[3]));
      docBody.appendChild(tr);
    });
    var note = num(matched) + (q ? ' matching' : '') + ' document' + (matched === 1 ? '' : 's');
    if (matched > SHOWN) note += ', the first ' + SHOWN + ' shown';
    if (D.table.length < c.documents) note += ' (the table holds the first ' + num(D.table.length) + ' of ' + num(c.documents) + ' documents)';
    document.getElementById('doc-count').textContent = note;
  }
  search.addEventListener('input', renderTable);
  renderTable();

  // Error records
  if (D.errors.length) {
    var errs = document.getElementById('errors');
    errs.hidden = false;
    errs.querySelector('h2').textContent = 'Error records (' + num(c.errors) + ')';
    var ul = errs.querySelector('ul');
    D.errors.forEach(function (e) {
      var li = el('li');
      li.appendChild(el('span', 'id', e.id));
      li.appendChild(el('span', null, e.error));
      ul.appendChild(li);
    });
    if (c.errors > D.errors.length) errs.querySelector('details').appendChild(el('p', 'note', '… and ' + num(c.errors - D.errors.length) + ' more'));
  }

  window.addEventListener('resize', function () { charts.forEach(function (ch) { ch.resize(); }); });
  document.body.dataset.ready = 'true';
})();
`;
