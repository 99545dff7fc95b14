'use strict';

// A user task's literal camunda:candidateGroups are each one of the application's review
// groups. An expression (${reviewGroup}, #{...}) is allowed: the application checks where its
// value comes from.

// The application's review groups: the only literal candidate groups a model may name.
const KNOWN_GROUPS = [
  'hcp-reviewers',
  'hcp-review-leads'
];

const { camundaAttr, is } = require('../lib/camunda');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const value = camundaAttr(node, 'candidateGroups');
    if (value === undefined || value === null) {
      return;
    }

    splitGroups(String(value)).forEach(group => {
      if (isExpression(group)) {
        return;
      }
      if (!group) {
        reporter.report(node.id, `camunda:candidateGroups="${value}" has an empty group name`);
      } else if (!KNOWN_GROUPS.includes(group)) {
        reporter.report(node.id, `Unknown candidate group "${group}": expected one of ${KNOWN_GROUPS.join(', ')} or an expression`);
      }
    });
  }

  return { check };
};

module.exports.KNOWN_GROUPS = KNOWN_GROUPS;

/** Split at the commas that are not inside an expression's braces ("a, ${f(b, c)}" is two). */
function splitGroups(text) {
  const groups = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '{') {
      depth++;
    } else if (c === '}' && depth > 0) {
      depth--;
    }
    if (c === ',' && depth === 0) {
      groups.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  groups.push(current.trim());
  return groups;
}

function isExpression(group) {
  return /^[$#]\{.*\}$/s.test(group);
}
