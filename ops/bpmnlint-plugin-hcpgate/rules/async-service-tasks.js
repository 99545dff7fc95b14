'use strict';

// Every service task that calls a Spring bean (camunda:delegateExpression) starts with an
// asynchronous continuation (camunda:asyncBefore="true"): the bean's work is committed in its
// own job, retried by the job executor on failure, and never rolls back the user task or
// message that led to it.

// Service tasks that run in the caller's own transaction by design (docs/process-contract.md):
// reopen-verification must run in the review lead's own call, so that it knows who asked.
const SYNCHRONOUS_BY_DESIGN = [
  'reopen-verification'
];

const { camundaAttr, is, isTrue } = require('../lib/camunda');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask') || !camundaAttr(node, 'delegateExpression')) {
      return;
    }
    if (SYNCHRONOUS_BY_DESIGN.includes(node.id)) {
      return;
    }
    if (!isTrue(camundaAttr(node, 'asyncBefore'))) {
      reporter.report(node.id, 'Service task with camunda:delegateExpression must be camunda:asyncBefore="true" (Asynchronous continuations: Before)');
    }
  }

  return { check };
};

module.exports.SYNCHRONOUS_BY_DESIGN = SYNCHRONOUS_BY_DESIGN;
