'use strict';

// No scripts in the models: no bpmn:scriptTask, no camunda:script in a listener or an
// input/output mapping, no condition in a script language (a `language` attribute) or loaded
// from an external resource (camunda:resource). Behaviour lives in Spring beans, reviewed and
// tested with the Java code; a condition is a plain JUEL expression such as ${approved}.

const { camundaAttr, is, isCamundaType, isOwner, ownParts, walkExtensions } = require('../lib/camunda');

// properties of BPMN elements that hold a condition (bpmn:Expression / bpmn:FormalExpression)
const CONDITION_PROPERTIES = [
  'conditionExpression', // sequence flow
  'condition', // conditional event definition
  'completionCondition', // multi-instance, ad-hoc sub-process
  'loopCondition', // standard loop
  'activationCondition' // complex gateway
];

module.exports = function() {

  function check(node, reporter) {
    if (!isOwner(node)) {
      return;
    }

    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, 'Script task: call a Spring bean with a service task and camunda:delegateExpression instead');
    }

    ownParts(node).forEach(part => {
      walkExtensions(part, (element, path) => {
        if (isCamundaType(element, 'script')) {
          const where = path.length ? path.join(' > ') : 'extension elements';
          reporter.report(node.id, `camunda:script in ${where}: use a delegateExpression or an expression instead`);
        }
      });

      CONDITION_PROPERTIES.forEach(name => {
        const expression = part[name];
        if (!expression || typeof expression !== 'object') {
          return;
        }
        if (expression.language) {
          reporter.report(node.id, `Condition (${name}) in script language "${expression.language}": write it as an expression such as \${...}`);
        }
        if (camundaAttr(expression, 'resource')) {
          reporter.report(node.id, `Condition (${name}) loaded from an external resource: write it as an expression such as \${...}`);
        }
      });
    });
  }

  return { check };
};
