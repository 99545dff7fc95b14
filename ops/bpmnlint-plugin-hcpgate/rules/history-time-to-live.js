'use strict';

// Every executable process has camunda:historyTimeToLive, in days ("180" or "P180D", the two
// forms Camunda 7 accepts), so that the history cleanup removes its instances: without it a
// deployment is refused (enforceHistoryTimeToLive) or its history is kept for ever.

const { camundaAttr, is } = require('../lib/camunda');

const DAYS = /^(\d+|P\d+D)$/;

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Process') || !isExecutable(node)) {
      return;
    }

    const value = camundaAttr(node, 'historyTimeToLive');
    const text = value === undefined || value === null ? '' : String(value).trim();

    if (!text) {
      reporter.report(node.id, 'Executable process without camunda:historyTimeToLive (History cleanup: Time to live, in days)');
    } else if (!DAYS.test(text)) {
      reporter.report(node.id, `camunda:historyTimeToLive="${text}" is not a number of days ("180" or "P180D")`);
    }
  }

  return { check };
};

function isExecutable(process) {
  const value = process.isExecutable;
  return value === true || value === 'true';
}
